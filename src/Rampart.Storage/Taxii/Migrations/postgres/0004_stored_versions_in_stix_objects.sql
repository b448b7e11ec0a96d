-- SQLite only (see sqlite/0004). PostgreSQL's log keeps a row for every stored version, written by its
-- statement-level trigger under the advisory lock.
SELECT 1;
