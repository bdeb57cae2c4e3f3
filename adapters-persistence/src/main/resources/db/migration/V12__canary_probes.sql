-- Delivery probes: a message with a unique code sent from a pool's number to a canary inbox, and whether
-- the code arrived. Only the matched code is kept of what the inbox received, never its texts.
ALTER TABLE canary_inboxes ADD COLUMN probes_paused VARCHAR(512) NULL;

CREATE TABLE canary_probes (
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    id           VARCHAR(40)   NOT NULL,
    account_id   VARCHAR(40)   NOT NULL,
    pool_id      VARCHAR(40)   NOT NULL,
    inbox_id     VARCHAR(40)   NOT NULL,
    from_number  VARCHAR(20)   NOT NULL,
    provider     VARCHAR(16)   NOT NULL,
    code         VARCHAR(16)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    detail       VARCHAR(512)  NULL,
    sent_at      DATETIME(6)   NOT NULL,
    deadline     DATETIME(6)   NOT NULL,
    arrived_at   DATETIME(6)   NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_canary_probes_id (id),
    UNIQUE KEY uq_canary_probes_code (inbox_id, code),
    KEY ix_canary_probes_pool (account_id, pool_id, seq),
    KEY ix_canary_probes_waiting (status, inbox_id),
    KEY ix_canary_probes_evidence (inbox_id, status, arrived_at),
    KEY ix_canary_probes_number (account_id, pool_id, from_number, sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
