-- Sigma rules module, PostgreSQL. Times are bigint Unix milliseconds (StoreTime); ids sort bytewise (COLLATE "C").
-- A log source part that a rule leaves out is stored as '' (not NULL) so the pair of tables joins on equality.

CREATE TABLE sigma_rules (
    id text COLLATE "C" PRIMARY KEY,
    title text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('rule', 'correlation', 'filter')),
    product text NOT NULL DEFAULT '',
    service text NOT NULL DEFAULT '',
    category text NOT NULL DEFAULT '',
    level text,
    status text,
    enabled boolean NOT NULL DEFAULT true,
    source text NOT NULL,
    yaml text NOT NULL,
    modified_at bigint NOT NULL,
    revision bigint NOT NULL
);
CREATE INDEX sigma_rules_logsource ON sigma_rules (product, service, category);

-- Rule sets per log source: a row only when an operator switched one off (or back on).
CREATE TABLE sigma_logsources (
    product text NOT NULL,
    service text NOT NULL,
    category text NOT NULL,
    enabled boolean NOT NULL,
    revision bigint NOT NULL,
    PRIMARY KEY (product, service, category)
);
