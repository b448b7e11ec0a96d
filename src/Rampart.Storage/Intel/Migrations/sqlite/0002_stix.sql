-- STIX objects, every version kept, and the link from an indicator to the STIX object it came from.
-- modified: the version key, fixed-width UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ) so text order is time
-- order; '' for objects without versions (cyber-observables, marking definitions).

ALTER TABLE indicators ADD COLUMN tlp TEXT;
ALTER TABLE indicators ADD COLUMN stix_ref TEXT;
CREATE INDEX indicators_stix_ref ON indicators (stix_ref) WHERE stix_ref IS NOT NULL;

CREATE TABLE stix_objects (
    id TEXT NOT NULL,
    modified TEXT NOT NULL,
    type TEXT NOT NULL,
    revoked INTEGER NOT NULL,
    tlp TEXT,
    name TEXT,
    external_id TEXT,
    relationship_type TEXT,
    source_ref TEXT,
    target_ref TEXT,
    source TEXT NOT NULL,
    -- The object exactly as imported: what exports write back.
    json TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (id, modified)
);
-- Partial indexes: a million indicators carry no relationship ends and no ATT&CK id, and bulk
-- imports should not pay for index entries nobody looks up.
CREATE INDEX stix_objects_name ON stix_objects (lower(name)) WHERE type IN ('intrusion-set', 'threat-actor', 'attack-pattern', 'malware', 'tool', 'campaign');
CREATE INDEX stix_objects_external_id ON stix_objects (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX stix_objects_source_ref ON stix_objects (source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX stix_objects_target_ref ON stix_objects (target_ref) WHERE target_ref IS NOT NULL;
