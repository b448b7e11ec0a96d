-- SQLite's per-row log trigger gives way to the import writing the log rows itself (sqlite/0003).
-- PostgreSQL keeps its statement-level trigger (0002): one call per chunk, under the advisory lock.
SELECT 1;
