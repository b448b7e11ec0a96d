-- Intel module, PostgreSQL. Times are bigint Unix milliseconds (StoreTime); ids sort bytewise (COLLATE "C").
-- revision: the store revision of the row's last change (for "changed since").

CREATE TABLE indicators (
    id text COLLATE "C" PRIMARY KEY,
    type text NOT NULL,
    value text NOT NULL,
    normalized_value text NOT NULL,
    source text NOT NULL,
    valid_from bigint NOT NULL,
    valid_until bigint,
    confidence integer NOT NULL CHECK (confidence BETWEEN 0 AND 100),
    -- A link by id, not a foreign key: a feed may name an actor before the actor arrives.
    actor_id text COLLATE "C",
    revoked boolean NOT NULL DEFAULT false,
    created_at bigint NOT NULL,
    modified_at bigint NOT NULL,
    revision bigint NOT NULL,
    UNIQUE (type, normalized_value, source)
);
CREATE INDEX indicators_revision ON indicators (revision);
CREATE INDEX indicators_actor_id ON indicators (actor_id);
CREATE INDEX indicators_source ON indicators (source);

CREATE TABLE actors (
    id text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    normalized_name text NOT NULL,
    country text,
    attack_id text,
    description text,
    -- JSON arrays of strings (text, as in SQLite).
    related text NOT NULL,
    sources text NOT NULL,
    created_at bigint NOT NULL,
    modified_at bigint NOT NULL,
    revision bigint NOT NULL
);
CREATE INDEX actors_normalized_name ON actors (normalized_name);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE actor_aliases (
    actor_id text COLLATE "C" NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    name text NOT NULL,
    normalized_name text NOT NULL,
    source text NOT NULL,
    PRIMARY KEY (actor_id, name, source)
);
CREATE INDEX actor_aliases_normalized_name ON actor_aliases (normalized_name);

-- Versions of shipped reference data loaded into the store (the actor knowledge base).
CREATE TABLE knowledge_base (
    name text PRIMARY KEY,
    version text NOT NULL,
    loaded_at bigint NOT NULL
);

CREATE TABLE relationships (
    id text COLLATE "C" PRIMARY KEY,
    source_ref text COLLATE "C" NOT NULL,
    relationship_type text NOT NULL,
    target_ref text COLLATE "C" NOT NULL,
    source text NOT NULL,
    created_at bigint NOT NULL,
    revision bigint NOT NULL,
    UNIQUE (source_ref, relationship_type, target_ref, source)
);
CREATE INDEX relationships_target_ref ON relationships (target_ref);

CREATE TABLE sightings (
    id text COLLATE "C" PRIMARY KEY,
    sighting_of_ref text COLLATE "C" NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL,
    count integer NOT NULL CHECK (count >= 0),
    where_sighted text,
    source text NOT NULL,
    created_at bigint NOT NULL,
    revision bigint NOT NULL
);
CREATE INDEX sightings_sighting_of_ref ON sightings (sighting_of_ref);
