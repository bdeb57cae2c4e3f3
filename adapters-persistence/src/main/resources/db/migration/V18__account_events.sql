-- The accounts' events: an outbox written in the transaction of the change each reports, read in order by
-- GET /v1/events and fanned out to the account's endpoints as deliveries in the same transaction.
CREATE TABLE events (
    seq         BIGINT        NOT NULL AUTO_INCREMENT,
    id          VARCHAR(40)   NOT NULL,
    account_id  VARCHAR(40)   NOT NULL,
    type        VARCHAR(40)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    data        MEDIUMTEXT    NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_events_id (id),
    KEY ix_events_account (account_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Where an account's events are POSTed. The signing secrets are one AES-256-GCM ciphertext (JSON) under the
-- instance key named by key_id, with the row's id and account as associated data. event_types is a
-- comma-separated list of types, or empty for every type.
CREATE TABLE event_endpoints (
    seq              BIGINT          NOT NULL AUTO_INCREMENT,
    id               VARCHAR(40)     NOT NULL,
    account_id       VARCHAR(40)     NOT NULL,
    url              VARCHAR(2048)   NOT NULL,
    event_types      VARCHAR(1000)   NOT NULL,
    enabled          BOOLEAN         NOT NULL,
    disabled_reason  VARCHAR(500)    NULL,
    failing_since    DATETIME(6)     NULL,
    key_id           VARCHAR(64)     NOT NULL,
    nonce            VARBINARY(12)   NOT NULL,
    secrets          VARBINARY(1024) NOT NULL,
    created_at       DATETIME(6)     NOT NULL,
    updated_at       DATETIME(6)     NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_event_endpoints_id (id),
    KEY ix_event_endpoints_account (account_id, enabled, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One event on its way to one endpoint. `due` is 1 while it waits (pending or retrying), NULL after, so the
-- workers' index holds only what is to be done.
CREATE TABLE event_deliveries (
    seq               BIGINT        NOT NULL AUTO_INCREMENT,
    id                VARCHAR(40)   NOT NULL,
    account_id        VARCHAR(40)   NOT NULL,
    endpoint_id       VARCHAR(40)   NOT NULL,
    event_id          VARCHAR(40)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    due               TINYINT       NULL,
    attempts          INT           NOT NULL,
    next_attempt_at   DATETIME(6)   NULL,
    last_attempt_at   DATETIME(6)   NULL,
    last_status_code  INT           NULL,
    last_error        VARCHAR(500)  NULL,
    created_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_event_deliveries_id (id),
    KEY ix_event_deliveries_due (due, next_attempt_at),
    KEY ix_event_deliveries_endpoint (endpoint_id, seq),
    KEY ix_event_deliveries_endpoint_status (endpoint_id, status, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
