-- Indicator lifecycle: decay counts an indicator's age from its latest sighting (last_seen), and each
-- false-positive sighting lowers its confidence. Imports never write these columns, so re-importing a
-- feed keeps what sightings taught.
ALTER TABLE indicators ADD COLUMN last_seen INTEGER;
ALTER TABLE indicators ADD COLUMN false_positives INTEGER NOT NULL DEFAULT 0 CHECK (false_positives >= 0);
ALTER TABLE sightings ADD COLUMN false_positive INTEGER NOT NULL DEFAULT 0;
