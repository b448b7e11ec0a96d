-- Daily rollups of hits past retention, PostgreSQL: per case, day (UTC midnight, Unix ms), name and
-- source address, with the organization the source was attributed to when rolled up. case_id '' is a
-- hit without a case. The raw hits are deleted in the same transaction.
CREATE TABLE sinkhole_rollups (
    case_id text COLLATE "C" NOT NULL,
    day bigint NOT NULL,
    query_name text NOT NULL,
    source_ip text NOT NULL,
    organization text,
    first_at bigint NOT NULL,
    last_at bigint NOT NULL,
    hits bigint NOT NULL,
    PRIMARY KEY (case_id, day, query_name, source_ip)
);
CREATE INDEX sinkhole_rollups_case_source ON sinkhole_rollups (case_id, source_ip, query_name);
