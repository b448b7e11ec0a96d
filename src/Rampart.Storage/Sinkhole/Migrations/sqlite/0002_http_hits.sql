-- HTTP sinkhole hits share the table: transport 'http', query_name the requested host, answer the status.
-- Attacker-controlled as received (Host, URL, User-Agent, Referer, X-Forwarded-For): escape on output.
-- Request bodies are never stored, only their length and SHA-256 (hex).
ALTER TABLE sinkhole_hits ADD COLUMN http_method TEXT;
ALTER TABLE sinkhole_hits ADD COLUMN http_host TEXT;
ALTER TABLE sinkhole_hits ADD COLUMN url TEXT;
ALTER TABLE sinkhole_hits ADD COLUMN user_agent TEXT;
ALTER TABLE sinkhole_hits ADD COLUMN referer TEXT;
ALTER TABLE sinkhole_hits ADD COLUMN forwarded_for TEXT;
ALTER TABLE sinkhole_hits ADD COLUMN body_length INTEGER;
ALTER TABLE sinkhole_hits ADD COLUMN body_sha256 TEXT;
