-- Daily rollups of hits past retention, SQLite: per case, day (UTC midnight, Unix ms), name and source
-- address, with the organization the source was attributed to when rolled up. case_id '' is a hit
-- without a case. The raw hits are deleted in the same transaction.
CREATE TABLE sinkhole_rollups (
    case_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    query_name TEXT NOT NULL,
    source_ip TEXT NOT NULL,
    organization TEXT,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (case_id, day, query_name, source_ip)
) WITHOUT ROWID;
CREATE INDEX sinkhole_rollups_case_source ON sinkhole_rollups (case_id, source_ip, query_name);
