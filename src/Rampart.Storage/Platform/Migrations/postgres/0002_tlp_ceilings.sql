-- The most restricted TLP level each user and API key may receive (clear, green, amber, amber+strict);
-- NULL: the default (AMBER for users, GREEN for API keys). RED is never served, whatever is stored.
ALTER TABLE users ADD COLUMN tlp_max text;
ALTER TABLE api_keys ADD COLUMN tlp_max text;
