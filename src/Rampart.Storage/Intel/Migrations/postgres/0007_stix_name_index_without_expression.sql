-- SQLite only (see sqlite/0007: an expression index there makes every insert keep a statement journal).
-- PostgreSQL keeps its index on lower(name), whose lower() folds all of Unicode.
SELECT 1;
