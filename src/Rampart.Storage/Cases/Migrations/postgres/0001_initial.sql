-- Cases module, PostgreSQL. Times are bigint Unix milliseconds (StoreTime); each row carries the store
-- revision of its last change. Statuses, kinds and fact kinds are the lowercase words of Core/Cases.

CREATE TABLE cases (
    id text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    description text,
    status text NOT NULL CHECK (status IN ('draft', 'filed', 'granted', 'seized', 'sinkholed', 'released')),
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    modified_at bigint NOT NULL,
    revision bigint NOT NULL
);
CREATE INDEX cases_status ON cases (status);

CREATE TABLE case_domains (
    case_id text COLLATE "C" NOT NULL REFERENCES cases (id),
    domain text COLLATE "C" NOT NULL,
    added_at bigint NOT NULL,
    added_by text NOT NULL,
    reason text NOT NULL,
    revision bigint NOT NULL,
    PRIMARY KEY (case_id, domain)
);
CREATE INDEX case_domains_domain ON case_domains (domain);

-- Attachments keep their bytes here (content); their SHA-256 is computed once, when added.
CREATE TABLE case_evidence (
    id text COLLATE "C" PRIMARY KEY,
    case_id text COLLATE "C" NOT NULL REFERENCES cases (id),
    domain text COLLATE "C",
    kind text NOT NULL,
    captured_at bigint NOT NULL,
    source text NOT NULL,
    summary text NOT NULL,
    data text,
    file_name text,
    size bigint,
    sha256 text NOT NULL,
    content bytea,
    added_at bigint NOT NULL,
    added_by text NOT NULL,
    revision bigint NOT NULL
);
CREATE INDEX case_evidence_case ON case_evidence (case_id, domain, captured_at);

CREATE TABLE case_status_changes (
    case_id text COLLATE "C" NOT NULL REFERENCES cases (id),
    at bigint NOT NULL,
    who text NOT NULL,
    from_status text,
    to_status text NOT NULL,
    note text,
    revision bigint NOT NULL
);
CREATE INDEX case_status_changes_case ON case_status_changes (case_id, revision);

-- Pivot data (WHOIS, passive DNS, certificate names) as one attribute per row.
CREATE TABLE pivot_facts (
    domain text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    value text COLLATE "C" NOT NULL,
    first_seen bigint,
    last_seen bigint,
    source text NOT NULL,
    revision bigint NOT NULL,
    PRIMARY KEY (domain, kind, value, source)
);
CREATE INDEX pivot_facts_value ON pivot_facts (kind, value);

-- The SOA serial of each exported RPZ zone and the digest of the content it was given for.
CREATE TABLE rpz_zones (
    origin text COLLATE "C" PRIMARY KEY,
    serial bigint NOT NULL,
    digest text NOT NULL,
    modified_at bigint NOT NULL,
    revision bigint NOT NULL
);
