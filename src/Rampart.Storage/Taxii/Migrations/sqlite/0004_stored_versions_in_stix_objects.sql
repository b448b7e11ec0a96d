-- The log rows of stored versions (collection_id NULL) move into stix_objects.date_added (intel
-- sqlite/0005 made it the row id): each version keeps the date_added it was served with, so a client's
-- added_after and cursors stay valid. taxii_log keeps what was added to inboxes and case collections;
-- stored versions and those entries still share one strictly increasing sequence (the import starts
-- after MAX over both, Storage/Taxii/SqliteTaxiiLog; an inbox add likewise, TaxiiStore).
-- Two passes: row ids are unique at every step, so first each moves out of the way (negative).
UPDATE stix_objects SET date_added = -date_added;
UPDATE stix_objects SET date_added = COALESCE(
    (SELECT l.date_added FROM taxii_log l WHERE l.collection_id IS NULL AND l.id = stix_objects.id AND l.modified = stix_objects.modified),
    -- A version without a log row (none is expected): after every logged one, in its old order.
    (SELECT COALESCE(MAX(date_added), 0) FROM taxii_log) - date_added);
DELETE FROM taxii_log WHERE collection_id IS NULL;
