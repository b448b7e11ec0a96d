-- Victims module (sinkhole capability), PostgreSQL. Times are bigint Unix milliseconds (StoreTime).
-- Imported network tables: one row per network per table; re-importing a table replaces its rows.
-- kind: 'organizations' (network → organization) or 'asn' (network → AS number and holder).
CREATE TABLE victim_networks (
    table_name text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    network text COLLATE "C" NOT NULL,
    organization text,
    asn bigint,
    country text,
    imported_at bigint NOT NULL,
    PRIMARY KEY (table_name, network)
);
-- Victims of a case are its hits grouped by source address and name.
CREATE INDEX sinkhole_hits_case_source ON sinkhole_hits (case_id, source_ip, query_name);
