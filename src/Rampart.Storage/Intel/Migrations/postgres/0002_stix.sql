-- STIX objects, every version kept, and the link from an indicator to the STIX object it came from.
-- modified: the version key, fixed-width UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ) so text order is time
-- order; '' for objects without versions (cyber-observables, marking definitions).

ALTER TABLE indicators ADD COLUMN tlp text;
ALTER TABLE indicators ADD COLUMN stix_ref text COLLATE "C";
CREATE INDEX indicators_stix_ref ON indicators (stix_ref);

CREATE TABLE stix_objects (
    id text COLLATE "C" NOT NULL,
    modified text COLLATE "C" NOT NULL,
    type text NOT NULL,
    revoked boolean NOT NULL,
    tlp text,
    name text,
    external_id text,
    relationship_type text,
    source_ref text COLLATE "C",
    target_ref text COLLATE "C",
    source text NOT NULL,
    -- The object exactly as imported: what exports write back.
    json text NOT NULL,
    imported_at bigint NOT NULL,
    revision bigint NOT NULL,
    PRIMARY KEY (id, modified)
);
CREATE INDEX stix_objects_type ON stix_objects (type);
CREATE INDEX stix_objects_name ON stix_objects (lower(name));
CREATE INDEX stix_objects_external_id ON stix_objects (external_id);
CREATE INDEX stix_objects_source_ref ON stix_objects (source_ref);
CREATE INDEX stix_objects_target_ref ON stix_objects (target_ref);
