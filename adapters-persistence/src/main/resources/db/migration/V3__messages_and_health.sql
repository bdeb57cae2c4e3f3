-- Messages: stored before the provider is called, then moved by send attempts and delivery receipts.
-- No foreign key to pools: a message outlives the pool it was sent from.
CREATE TABLE messages (
    seq                   BIGINT        NOT NULL AUTO_INCREMENT,
    id                    VARCHAR(40)   NOT NULL,
    account_id            VARCHAR(40)   NOT NULL,
    pool_id               VARCHAR(40)   NOT NULL,
    to_number             VARCHAR(16)   NOT NULL,
    from_sender           VARCHAR(16)   NOT NULL,
    provider              VARCHAR(16)   NOT NULL,
    number_type           VARCHAR(16)   NULL,
    reason                VARCHAR(32)   NOT NULL,
    body                  MEDIUMTEXT    NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    provider_message_id   VARCHAR(100)  NULL,
    error_code            VARCHAR(64)   NULL,
    error_message         VARCHAR(500)  NULL,
    needs_reconciliation  BOOLEAN       NOT NULL,
    trace                 MEDIUMTEXT    NOT NULL,
    attempts              MEDIUMTEXT    NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_messages_id (id),
    UNIQUE KEY uq_messages_provider_id (provider, provider_message_id),
    KEY ix_messages_unreconciled (provider, from_sender, to_number, needs_reconciliation)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Provider callbacks already handled: a provider's retry of the same receipt is acknowledged, not counted.
CREATE TABLE webhook_receipts (
    provider     VARCHAR(16)   NOT NULL,
    receipt_key  VARCHAR(191)  NOT NULL,
    received_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (provider, receipt_key),
    KEY ix_webhook_receipts_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The recent delivery receipts of a pooled number, oldest first: D delivered, F not delivered.
ALTER TABLE pool_numbers ADD COLUMN receipt_window VARCHAR(100) NOT NULL DEFAULT '';

-- Where an inbound SMS lands: the pools (of any account) that hold the receiving number.
CREATE INDEX ix_pool_numbers_e164 ON pool_numbers (e164);
