-- Final delivery receipts per pool and day (UTC, the day each arrived), for the console's delivered-share
-- chart: one upsert in the transaction that applies the receipt. A pool's day is spread over 8 rows (chosen
-- by the sending number) so the receipts of one busy pool do not all queue on one row lock.
CREATE TABLE pool_delivery_days (
    pool_id      VARCHAR(40)  NOT NULL,
    day          DATE         NOT NULL,
    bucket       TINYINT      NOT NULL,
    delivered    BIGINT       NOT NULL,
    undelivered  BIGINT       NOT NULL,
    PRIMARY KEY (pool_id, day, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An account's events of some types, newest first (the console's recent STOP/START) without reading its
-- message events.
CREATE INDEX ix_events_account_type ON events (account_id, type, seq);
