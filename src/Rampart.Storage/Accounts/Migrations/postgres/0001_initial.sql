-- Accounts module, PostgreSQL. Times are bigint Unix milliseconds (StoreTime); ids sort bytewise (COLLATE "C").

CREATE TABLE log_scans (
    id text COLLATE "C" PRIMARY KEY,
    at bigint NOT NULL,
    -- JSON array of the paths read.
    files text NOT NULL,
    events bigint NOT NULL,
    problems bigint NOT NULL,
    rules integer NOT NULL,
    matches integer NOT NULL,
    revision bigint NOT NULL
);
CREATE INDEX log_scans_at ON log_scans (at);

CREATE TABLE rule_matches (
    id text COLLATE "C" PRIMARY KEY,
    scan_id text COLLATE "C" NOT NULL REFERENCES log_scans (id) ON DELETE CASCADE,
    rule_id text NOT NULL,
    rule_title text NOT NULL,
    level text,
    logsource text NOT NULL,
    event_time bigint,
    account text,
    client_ip text,
    operation text,
    file text NOT NULL,
    line integer NOT NULL,
    group_key text,
    -- The normalized event (JSON text), as the rules saw it.
    event text NOT NULL
);
CREATE INDEX rule_matches_scan_id ON rule_matches (scan_id);
CREATE INDEX rule_matches_account ON rule_matches (account, event_time);
CREATE INDEX rule_matches_rule_id ON rule_matches (rule_id);
