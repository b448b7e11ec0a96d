-- PostgreSQL's log trigger moves from once per row to once per statement (postgres/0002). SQLite has
-- no statement-level triggers; its row trigger runs in-process without a lock and stays as it is.
SELECT 1;
