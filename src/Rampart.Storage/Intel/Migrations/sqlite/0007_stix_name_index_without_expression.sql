-- The name index was on lower(name): an index on an expression makes every INSERT into stix_objects keep a
-- statement journal (evaluating the expression may fail mid-statement), so each 50-row insert of the
-- bulk import copied every page it touched that the import had already changed, spilled to a temporary
-- file past 64 KB: 70k page writes of 16 KB for 200k indicators, as many as the WAL itself. SQLite's
-- lower() folds ASCII only, as the NOCASE collation does, so a collated index answers the same
-- look-ups (Intel/StixStore.FindAsync compares with COLLATE NOCASE on SQLite) without an expression.
DROP INDEX stix_objects_name;
CREATE INDEX stix_objects_name ON stix_objects (name COLLATE NOCASE) WHERE type IN ('intrusion-set', 'threat-actor', 'attack-pattern', 'malware', 'tool', 'campaign');
