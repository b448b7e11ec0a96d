-- SQLite only (see sqlite/0005): there, each stored version's date_added becomes the row id of
-- stix_objects. PostgreSQL keeps TAXII's log and its statement-level trigger (taxii/postgres/0002).
SELECT 1;
