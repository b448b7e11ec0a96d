-- STIX objects, every version kept, and the link from an indicator to the STIX object it came from.
-- modified: the version key, fixed-width UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ) so text order is time
-- order; '' for objects without versions (cyber-observables, marking definitions).

ALTER TABLE indicators ADD COLUMN tlp text;
ALTER TABLE indicators ADD COLUMN stix_ref text COLLATE "C";
CREATE INDEX indicators_stix_ref ON indicators (stix_ref) WHERE stix_ref IS NOT NULL;

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
-- Partial indexes: a million indicators carry no relationship ends and no ATT&CK id, and bulk
-- imports should not pay for index entries nobody looks up.
CREATE INDEX stix_objects_name ON stix_objects (lower(name)) WHERE type IN ('intrusion-set', 'threat-actor', 'attack-pattern', 'malware', 'tool', 'campaign');
CREATE INDEX stix_objects_external_id ON stix_objects (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX stix_objects_source_ref ON stix_objects (source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX stix_objects_target_ref ON stix_objects (target_ref) WHERE target_ref IS NOT NULL;
