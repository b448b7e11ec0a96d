-- TAXII 2.1: collections, who may use them, the log that gives every object version its date_added,
-- paging cursors, Add Objects statuses and the pull history of remote collections.
-- date_added: microseconds since the Unix epoch, strictly increasing over the whole log. SQLite has
-- one writer at a time, so MAX(date_added) + 1 read inside the write is never handed out twice.

CREATE TABLE taxii_collections (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT,
    alias TEXT UNIQUE,
    kind TEXT NOT NULL,
    argument TEXT,
    ceiling TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE taxii_grants (
    collection_id TEXT NOT NULL REFERENCES taxii_collections (id) ON DELETE CASCADE,
    grantee TEXT NOT NULL,
    can_read INTEGER NOT NULL,
    can_write INTEGER NOT NULL,
    clearance TEXT NOT NULL,
    PRIMARY KEY (collection_id, grantee)
);

-- collection_id NULL: the version as stored in stix_objects (what views over the store serve);
-- otherwise the version as added to that inbox.
CREATE TABLE taxii_log (
    date_added INTEGER PRIMARY KEY,
    collection_id TEXT,
    id TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX taxii_log_object ON taxii_log (id, modified);
CREATE UNIQUE INDEX taxii_log_inbox ON taxii_log (collection_id, id, modified) WHERE collection_id IS NOT NULL;
CREATE INDEX taxii_log_inbox_order ON taxii_log (collection_id, date_added) WHERE collection_id IS NOT NULL;

-- Versions stored before this migration: added now, in the order they were imported.
INSERT INTO taxii_log (date_added, collection_id, id, modified)
SELECT (SELECT COALESCE(MIN(imported_at), 0) * 1000 FROM stix_objects) + ROW_NUMBER() OVER (ORDER BY revision, id, modified), NULL, id, modified
FROM stix_objects;

-- Every version the intel import stores gets its date_added in the same transaction, whatever wrote it.
CREATE TRIGGER taxii_log_stix_objects AFTER INSERT ON stix_objects
BEGIN
    INSERT INTO taxii_log (date_added, collection_id, id, modified)
    VALUES (MAX(NEW.imported_at * 1000, COALESCE((SELECT MAX(date_added) FROM taxii_log), 0) + 1), NULL, NEW.id, NEW.modified);
END;

CREATE TABLE taxii_cursors (
    id TEXT PRIMARY KEY,
    collection_id TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    object_id TEXT,
    user_name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    after_added INTEGER NOT NULL,
    upper_added INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX taxii_cursors_expires_at ON taxii_cursors (expires_at);

CREATE TABLE taxii_statuses (
    id TEXT PRIMARY KEY,
    collection_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    request_timestamp INTEGER NOT NULL,
    details TEXT NOT NULL
);

CREATE TABLE taxii_pulls (
    source TEXT PRIMARY KEY,
    added_after TEXT,
    last_run INTEGER NOT NULL,
    fetched INTEGER NOT NULL,
    imported INTEGER NOT NULL,
    last_error TEXT
);
