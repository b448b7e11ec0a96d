-- The STIX import writes each stored version's log row itself (Storage/Taxii/SqliteTaxiiLog), in
-- multi-row statements beside its stix_objects inserts, instead of this per-row trigger: the trigger
-- ran a program and a MAX(date_added) look-up for every row and made every insert statement keep a
-- statement journal. The rows are the same: date_added = MAX(imported_at * 1000, the last date_added
-- + 1), strictly increasing, handed out while the import holds SQLite's one write lock.
-- stix_objects is written only by the STIX import (Storage/Intel/StixImportWriter).
DROP TRIGGER taxii_log_stix_objects;
