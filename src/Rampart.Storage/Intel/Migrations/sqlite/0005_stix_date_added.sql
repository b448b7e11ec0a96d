-- Every stored STIX version gets date_added: microseconds since the Unix epoch, strictly increasing over
-- all versions, as the row id of stix_objects (INTEGER PRIMARY KEY); (id, modified) stays unique.
-- It is the order in which versions were stored, what TAXII serves as date_added: the import writes it
-- in the row itself, so a stored version costs no separate log row and index entry (TAXII's log rows
-- for stored versions, 2 b-tree entries and ~190 bytes a version, move here in taxii/sqlite/0004).
-- SQLite cannot change a primary key in place: the step Intel/StixDateAdded.cs rebuilds the table
-- right after this script, in its transaction, and keeps every index and trigger other scripts put on it.
SELECT 1;
