-- Indicator lifecycle: decay counts an indicator's age from its latest sighting (last_seen), and each
-- false-positive sighting lowers its confidence. Imports never write these columns, so re-importing a
-- feed keeps what sightings taught.
ALTER TABLE indicators ADD COLUMN last_seen bigint;
ALTER TABLE indicators ADD COLUMN false_positives integer NOT NULL DEFAULT 0 CHECK (false_positives >= 0);
ALTER TABLE sightings ADD COLUMN false_positive boolean NOT NULL DEFAULT false;
