-- SQLite only (see sqlite/0008: its bulk import sets the (id, modified) index aside). PostgreSQL keeps its primary key.
SELECT 1;
