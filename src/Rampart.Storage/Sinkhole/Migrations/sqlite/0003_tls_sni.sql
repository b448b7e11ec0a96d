-- The server name a client sent in its TLS ClientHello (SNI), for hits on the HTTP sinkhole's TLS ports;
-- attacker-controlled as received: escape on output. Null for DNS and plain HTTP hits.
ALTER TABLE sinkhole_hits ADD COLUMN tls_sni TEXT;
