-- Victims module (sinkhole capability), SQLite. Times are integer Unix milliseconds (StoreTime).
-- Imported network tables: one row per network per table; re-importing a table replaces its rows.
-- kind: 'organizations' (network → organization) or 'asn' (network → AS number and holder).
CREATE TABLE victim_networks (
    table_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    network TEXT NOT NULL,
    organization TEXT,
    asn INTEGER,
    country TEXT,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (table_name, network)
) WITHOUT ROWID;
-- Victims of a case are its hits grouped by source address and name.
CREATE INDEX sinkhole_hits_case_source ON sinkhole_hits (case_id, source_ip, query_name);
