-- Sinkhole module, PostgreSQL. Times are bigint Unix milliseconds (StoreTime); ids sort bytewise (COLLATE "C").
-- One row per hit; hit_id is node id and spool sequence, so re-ingesting a batch adds nothing.
CREATE TABLE sinkhole_hits (
    hit_id text COLLATE "C" PRIMARY KEY,
    node_id text COLLATE "C" NOT NULL,
    sequence bigint NOT NULL,
    at bigint NOT NULL,
    transport text NOT NULL,
    source_ip text NOT NULL,
    source_port integer NOT NULL,
    case_id text COLLATE "C",
    -- As received, in DNS presentation form (\DDD escapes): attacker-controlled, escape on output.
    query_name text NOT NULL,
    query_type integer NOT NULL,
    answer text NOT NULL,
    client_subnet text
);
CREATE INDEX sinkhole_hits_case_at ON sinkhole_hits (case_id, at);
CREATE INDEX sinkhole_hits_at ON sinkhole_hits (at);
CREATE INDEX sinkhole_hits_source ON sinkhole_hits (source_ip, at);
