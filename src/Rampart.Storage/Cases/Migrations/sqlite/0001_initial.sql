-- Cases module, SQLite. Times are INTEGER Unix milliseconds (StoreTime); each row carries the store
-- revision of its last change. Statuses, kinds and fact kinds are the lowercase words of Core/Cases.

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'filed', 'granted', 'seized', 'sinkholed', 'released')),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    modified_at INTEGER NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX cases_status ON cases (status);

CREATE TABLE case_domains (
    case_id TEXT NOT NULL REFERENCES cases (id),
    domain TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    added_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (case_id, domain)
);
CREATE INDEX case_domains_domain ON case_domains (domain);

-- Attachments keep their bytes here (content); their SHA-256 is computed once, when added.
CREATE TABLE case_evidence (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    domain TEXT,
    kind TEXT NOT NULL,
    captured_at INTEGER NOT NULL,
    source TEXT NOT NULL,
    summary TEXT NOT NULL,
    data TEXT,
    file_name TEXT,
    size INTEGER,
    sha256 TEXT NOT NULL,
    content BLOB,
    added_at INTEGER NOT NULL,
    added_by TEXT NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX case_evidence_case ON case_evidence (case_id, domain, captured_at);

CREATE TABLE case_status_changes (
    case_id TEXT NOT NULL REFERENCES cases (id),
    at INTEGER NOT NULL,
    who TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT,
    revision INTEGER NOT NULL
);
CREATE INDEX case_status_changes_case ON case_status_changes (case_id, revision);

-- Pivot data (WHOIS, passive DNS, certificate names) as one attribute per row.
CREATE TABLE pivot_facts (
    domain TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    first_seen INTEGER,
    last_seen INTEGER,
    source TEXT NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (domain, kind, value, source)
);
CREATE INDEX pivot_facts_value ON pivot_facts (kind, value);

-- The SOA serial of each exported RPZ zone and the digest of the content it was given for.
CREATE TABLE rpz_zones (
    origin TEXT PRIMARY KEY,
    serial INTEGER NOT NULL,
    digest TEXT NOT NULL,
    modified_at INTEGER NOT NULL,
    revision INTEGER NOT NULL
);
