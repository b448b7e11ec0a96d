-- Sinkhole module, SQLite. Times are integer Unix milliseconds (StoreTime).
-- One row per hit; hit_id is node id and spool sequence, so re-ingesting a batch adds nothing.
CREATE TABLE sinkhole_hits (
    hit_id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    at INTEGER NOT NULL,
    transport TEXT NOT NULL,
    source_ip TEXT NOT NULL,
    source_port INTEGER NOT NULL,
    case_id TEXT,
    -- As received, in DNS presentation form (\DDD escapes): attacker-controlled, escape on output.
    query_name TEXT NOT NULL,
    query_type INTEGER NOT NULL,
    answer TEXT NOT NULL,
    client_subnet TEXT
) WITHOUT ROWID;
CREATE INDEX sinkhole_hits_case_at ON sinkhole_hits (case_id, at);
CREATE INDEX sinkhole_hits_at ON sinkhole_hits (at);
CREATE INDEX sinkhole_hits_source ON sinkhole_hits (source_ip, at);
