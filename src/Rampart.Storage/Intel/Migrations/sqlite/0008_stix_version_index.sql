-- The uniqueness of a stored version, (id, modified), moves from the table's definition into its own index,
-- stix_objects_version: a constraint declared in CREATE TABLE has an index SQLite will not drop, and a bulk
-- import into an empty table sets this one aside while it writes (STIX ids are random UUIDs: each entry went
-- to a random page of an index larger than the page cache) and builds it again, sorted, before its commit
-- (Intel/StixImportWriter). SQLite cannot drop a table constraint in place: the step Intel/StixVersionIndex.cs
-- rebuilds the table right after this script, in its transaction, keeping every row, index and trigger.
SELECT 1;
