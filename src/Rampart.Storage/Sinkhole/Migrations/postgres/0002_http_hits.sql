-- HTTP sinkhole hits share the table: transport 'http', query_name the requested host, answer the status.
-- Attacker-controlled as received (Host, URL, User-Agent, Referer, X-Forwarded-For): escape on output.
-- Request bodies are never stored, only their length and SHA-256 (hex).
ALTER TABLE sinkhole_hits ADD COLUMN http_method text;
ALTER TABLE sinkhole_hits ADD COLUMN http_host text;
ALTER TABLE sinkhole_hits ADD COLUMN url text;
ALTER TABLE sinkhole_hits ADD COLUMN user_agent text;
ALTER TABLE sinkhole_hits ADD COLUMN referer text;
ALTER TABLE sinkhole_hits ADD COLUMN forwarded_for text;
ALTER TABLE sinkhole_hits ADD COLUMN body_length bigint;
ALTER TABLE sinkhole_hits ADD COLUMN body_sha256 text;
