-- Indicators are looked up by actor only with a given actor (actor_id = …), never for the ones without
-- one. A bulk import (a feed's million indicators, none attributed yet) added an index entry per row
-- for nothing: the index keeps only attributed indicators now.
DROP INDEX indicators_actor_id;
CREATE INDEX indicators_actor_id ON indicators (actor_id) WHERE actor_id IS NOT NULL;
