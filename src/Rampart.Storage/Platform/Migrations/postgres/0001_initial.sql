-- Platform module, PostgreSQL. Times are bigint Unix milliseconds (StoreTime); ids sort bytewise (COLLATE "C").

-- One row: the store revision, bumped inside every changing transaction. Its row lock also orders
-- writers, so revisions commit in order and "changed since N" never misses a change.
CREATE TABLE store_revision (
    id integer PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);
INSERT INTO store_revision (id, revision) VALUES (1, 0);

CREATE TABLE audit_log (
    id text COLLATE "C" PRIMARY KEY,
    at bigint NOT NULL,
    who text NOT NULL,
    channel text NOT NULL CHECK (channel IN ('cli', 'api', 'console', 'system')),
    from_address text,
    action text NOT NULL,
    target text NOT NULL,
    detail text,
    revision bigint NOT NULL
);

CREATE TABLE users (
    id text COLLATE "C" PRIMARY KEY,
    name text NOT NULL UNIQUE,
    role text NOT NULL CHECK (role IN ('reader', 'analyst', 'admin')),
    password_hash text NOT NULL,
    created_at bigint NOT NULL,
    disabled boolean NOT NULL DEFAULT false
);

CREATE TABLE api_keys (
    id text COLLATE "C" PRIMARY KEY,
    key_id text COLLATE "C" NOT NULL UNIQUE,
    user_id text COLLATE "C" NOT NULL REFERENCES users (id),
    name text NOT NULL,
    secret_hash text NOT NULL,
    created_at bigint NOT NULL,
    last_used_at bigint,
    revoked boolean NOT NULL DEFAULT false
);
CREATE INDEX api_keys_user_id ON api_keys (user_id);

CREATE TABLE data_protection_keys (
    id text COLLATE "C" PRIMARY KEY,
    friendly_name text NOT NULL,
    xml text NOT NULL,
    created_at bigint NOT NULL
);
