-- Accounts module, SQLite. Times are INTEGER Unix milliseconds (StoreTime).

CREATE TABLE log_scans (
    id TEXT PRIMARY KEY,
    at INTEGER NOT NULL,
    -- JSON array of the paths read.
    files TEXT NOT NULL,
    events INTEGER NOT NULL,
    problems INTEGER NOT NULL,
    rules INTEGER NOT NULL,
    matches INTEGER NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX log_scans_at ON log_scans (at);

CREATE TABLE rule_matches (
    id TEXT PRIMARY KEY,
    scan_id TEXT NOT NULL REFERENCES log_scans (id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    rule_title TEXT NOT NULL,
    level TEXT,
    logsource TEXT NOT NULL,
    event_time INTEGER,
    account TEXT,
    client_ip TEXT,
    operation TEXT,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    group_key TEXT,
    -- The normalized event (JSON text), as the rules saw it.
    event TEXT NOT NULL
);
CREATE INDEX rule_matches_scan_id ON rule_matches (scan_id);
CREATE INDEX rule_matches_account ON rule_matches (account, event_time);
CREATE INDEX rule_matches_rule_id ON rule_matches (rule_id);
