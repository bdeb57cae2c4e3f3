-- A pool's probes on a schedule: every interval_seconds, `sample` of its numbers probe the inbox.
CREATE TABLE probe_schedules (
    account_id        VARCHAR(40)   NOT NULL,
    pool_id           VARCHAR(40)   NOT NULL,
    inbox_id          VARCHAR(40)   NOT NULL,
    sample            INT           NOT NULL,
    interval_seconds  BIGINT        NOT NULL,
    next_run_at       DATETIME(6)   NOT NULL,
    last_run_at       DATETIME(6)   NULL,
    last_result       VARCHAR(512)  NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (pool_id),
    KEY ix_probe_schedules_due (next_run_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
