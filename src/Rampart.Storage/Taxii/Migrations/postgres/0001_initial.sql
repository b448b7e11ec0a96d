-- TAXII 2.1: collections, who may use them, the log that gives every object version its date_added,
-- paging cursors, Add Objects statuses and the pull history of remote collections.
-- date_added: microseconds since the Unix epoch on the database server's clock, strictly increasing
-- over the whole log. Whoever assigns one first takes the transaction-scoped advisory lock
-- 0x5441584949 ("TAXII") and keeps it until commit, so values are handed out and committed in the
-- same order by every process: a reader that has seen date_added d will never later see a new d' < d.

CREATE TABLE taxii_collections (
    id text COLLATE "C" PRIMARY KEY,
    title text NOT NULL,
    description text,
    alias text UNIQUE,
    kind text NOT NULL,
    argument text,
    ceiling text NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE taxii_grants (
    collection_id text COLLATE "C" NOT NULL REFERENCES taxii_collections (id) ON DELETE CASCADE,
    grantee text NOT NULL,
    can_read boolean NOT NULL,
    can_write boolean NOT NULL,
    clearance text NOT NULL,
    PRIMARY KEY (collection_id, grantee)
);

CREATE TABLE taxii_log (
    date_added bigint PRIMARY KEY,
    collection_id text COLLATE "C",
    id text COLLATE "C" NOT NULL,
    modified text COLLATE "C" NOT NULL
);
CREATE INDEX taxii_log_object ON taxii_log (id, modified);
CREATE UNIQUE INDEX taxii_log_inbox ON taxii_log (collection_id, id, modified) WHERE collection_id IS NOT NULL;
CREATE INDEX taxii_log_inbox_order ON taxii_log (collection_id, date_added) WHERE collection_id IS NOT NULL;

INSERT INTO taxii_log (date_added, collection_id, id, modified)
SELECT (SELECT COALESCE(MIN(imported_at), 0) * 1000 FROM stix_objects) + ROW_NUMBER() OVER (ORDER BY revision, id, modified), NULL, id, modified
FROM stix_objects;

CREATE FUNCTION taxii_next_date_added() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(361873557833);
    RETURN GREATEST(
        (extract(epoch FROM clock_timestamp()) * 1000000)::bigint,
        COALESCE((SELECT MAX(date_added) FROM taxii_log), 0) + 1);
END
$$;

CREATE FUNCTION taxii_log_stix_objects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO taxii_log (date_added, collection_id, id, modified) VALUES (taxii_next_date_added(), NULL, NEW.id, NEW.modified);
    RETURN NULL;
END
$$;

CREATE TRIGGER taxii_log_stix_objects AFTER INSERT ON stix_objects
FOR EACH ROW EXECUTE FUNCTION taxii_log_stix_objects();

CREATE TABLE taxii_cursors (
    id text COLLATE "C" PRIMARY KEY,
    collection_id text NOT NULL,
    endpoint text NOT NULL,
    object_id text,
    user_name text NOT NULL,
    fingerprint text NOT NULL,
    after_added bigint NOT NULL,
    upper_added bigint NOT NULL,
    expires_at bigint NOT NULL
);
CREATE INDEX taxii_cursors_expires_at ON taxii_cursors (expires_at);

CREATE TABLE taxii_statuses (
    id text COLLATE "C" PRIMARY KEY,
    collection_id text NOT NULL,
    user_name text NOT NULL,
    request_timestamp bigint NOT NULL,
    details text NOT NULL
);

CREATE TABLE taxii_pulls (
    source text PRIMARY KEY,
    added_after text,
    last_run bigint NOT NULL,
    fetched bigint NOT NULL,
    imported bigint NOT NULL,
    last_error text
);
