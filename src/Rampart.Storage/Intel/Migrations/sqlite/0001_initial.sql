-- Intel module, SQLite. Times are INTEGER Unix milliseconds (StoreTime); booleans are 0/1.
-- revision: the store revision of the row's last change (for "changed since").

CREATE TABLE indicators (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    normalized_value TEXT NOT NULL,
    source TEXT NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_until INTEGER,
    confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
    -- A link by id, not a foreign key: a feed may name an actor before the actor arrives.
    actor_id TEXT,
    revoked INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    modified_at INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    UNIQUE (type, normalized_value, source)
);
CREATE INDEX indicators_revision ON indicators (revision);
CREATE INDEX indicators_actor_id ON indicators (actor_id);
CREATE INDEX indicators_source ON indicators (source);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    normalized_name TEXT NOT NULL,
    country TEXT,
    attack_id TEXT,
    description TEXT,
    -- JSON arrays of strings.
    related TEXT NOT NULL,
    sources TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    modified_at INTEGER NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX actors_normalized_name ON actors (normalized_name);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    normalized_name TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (actor_id, name, source)
);
CREATE INDEX actor_aliases_normalized_name ON actor_aliases (normalized_name);

-- Versions of shipped reference data loaded into the store (the actor knowledge base).
CREATE TABLE knowledge_base (
    name TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    loaded_at INTEGER NOT NULL
);

CREATE TABLE relationships (
    id TEXT PRIMARY KEY,
    source_ref TEXT NOT NULL,
    relationship_type TEXT NOT NULL,
    target_ref TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    UNIQUE (source_ref, relationship_type, target_ref, source)
);
CREATE INDEX relationships_target_ref ON relationships (target_ref);

CREATE TABLE sightings (
    id TEXT PRIMARY KEY,
    sighting_of_ref TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    where_sighted TEXT,
    source TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX sightings_sighting_of_ref ON sightings (sighting_of_ref);
