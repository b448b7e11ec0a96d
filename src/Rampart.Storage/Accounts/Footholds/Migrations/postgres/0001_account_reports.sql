-- Footholds module (postgres): the latest audit of each account. Times are bigint Unix milliseconds (StoreTime).
-- One row per account, replaced by each audit that reports it; the report is the API's JSON.

CREATE TABLE account_reports (
    account text COLLATE "C" PRIMARY KEY,
    status text NOT NULL CHECK (status IN ('compromised', 'review')),
    window_opened bigint,
    last_reset bigint,
    actors text NOT NULL,
    footholds bigint NOT NULL,
    open_steps bigint NOT NULL,
    report text NOT NULL,
    audited_at bigint NOT NULL,
    revision bigint NOT NULL
);
CREATE INDEX account_reports_status ON account_reports (status, account);
