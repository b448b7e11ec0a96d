-- The log trigger runs once per INSERT statement instead of once per row: a bulk STIX import (COPY
-- into a stage, then one INSERT … SELECT per chunk) paid a plpgsql call and the advisory lock for
-- every version it stored. The guarantees stay: every stored version gets a date_added, strictly
-- increasing over the whole log, handed out under the advisory lock held until commit (see 0001).
-- Within one statement the versions get consecutive date_added values in the order they were inserted.

CREATE OR REPLACE FUNCTION taxii_log_stix_objects() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    first_added bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM taxii_log_added) THEN
        RETURN NULL;
    END IF;

    first_added := taxii_next_date_added();
    INSERT INTO taxii_log (date_added, collection_id, id, modified)
    SELECT first_added + ROW_NUMBER() OVER () - 1, NULL, a.id, a.modified FROM taxii_log_added a;
    RETURN NULL;
END
$$;

DROP TRIGGER taxii_log_stix_objects ON stix_objects;

CREATE TRIGGER taxii_log_stix_objects AFTER INSERT ON stix_objects
REFERENCING NEW TABLE AS taxii_log_added
FOR EACH STATEMENT EXECUTE FUNCTION taxii_log_stix_objects();
