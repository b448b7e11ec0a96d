-- Sigma rules module, SQLite. Times are INTEGER Unix milliseconds (StoreTime); booleans are 0/1.
-- A log source part that a rule leaves out is stored as '' (not NULL) so the pair of tables joins on equality.

CREATE TABLE sigma_rules (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('rule', 'correlation', 'filter')),
    product TEXT NOT NULL DEFAULT '',
    service TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    level TEXT,
    status TEXT,
    enabled INTEGER NOT NULL DEFAULT 1,
    source TEXT NOT NULL,
    yaml TEXT NOT NULL,
    modified_at INTEGER NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX sigma_rules_logsource ON sigma_rules (product, service, category);

-- Rule sets per log source: a row only when an operator switched one off (or back on).
CREATE TABLE sigma_logsources (
    product TEXT NOT NULL,
    service TEXT NOT NULL,
    category TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (product, service, category)
);
