-- Footholds module (sqlite): the latest audit of each account. Times are INTEGER Unix milliseconds (StoreTime).
-- One row per account, replaced by each audit that reports it; the report is the API's JSON.

CREATE TABLE account_reports (
    account TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('compromised', 'review')),
    window_opened INTEGER,
    last_reset INTEGER,
    actors TEXT NOT NULL,
    footholds INTEGER NOT NULL,
    open_steps INTEGER NOT NULL,
    report TEXT NOT NULL,
    audited_at INTEGER NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX account_reports_status ON account_reports (status, account);
