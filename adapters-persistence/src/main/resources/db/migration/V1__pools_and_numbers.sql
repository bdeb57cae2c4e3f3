-- Poolkeeper schema v1: accounts, API keys, pools, their members and change history, idempotency keys.
-- Written for MySQL 8 and MariaDB 10.11+ alike. Times are UTC, DATETIME(6).
-- Every table that is listed to clients has a BIGINT seq: pages are read by keyset (seq > ?), in creation order.

CREATE TABLE accounts (
    id          VARCHAR(40)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE api_keys (
    seq           BIGINT       NOT NULL AUTO_INCREMENT,
    id            VARCHAR(40)  NOT NULL,
    account_id    VARCHAR(40)  NOT NULL,
    prefix        VARCHAR(16)  NOT NULL,
    key_hash      CHAR(64)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6)  NULL,
    revoked_at    DATETIME(6)  NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_api_keys_id (id),
    UNIQUE KEY uq_api_keys_hash (key_hash),
    KEY ix_api_keys_account (account_id, seq),
    CONSTRAINT fk_api_keys_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE opt_out_lists (
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  VARCHAR(40)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_opt_out_lists_name (account_id, name),
    CONSTRAINT fk_opt_out_lists_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE pools (
    seq                            BIGINT       NOT NULL AUTO_INCREMENT,
    id                             VARCHAR(40)  NOT NULL,
    account_id                     VARCHAR(40)  NOT NULL,
    name                           VARCHAR(64)  NOT NULL,
    status                         VARCHAR(16)  NOT NULL,
    message_type                   VARCHAR(16)  NOT NULL,
    fallback                       VARCHAR(16)  NOT NULL,
    custom_from                    VARCHAR(11)  NULL,
    localized_sender_preferred     BOOLEAN      NOT NULL,
    geomatch                       BOOLEAN      NOT NULL,
    sticky_sender                  BOOLEAN      NOT NULL,
    sticky_ttl_days                INT          NOT NULL,
    long_code_weight               INT          NOT NULL,
    toll_free_weight               INT          NOT NULL,
    skip_unhealthy                 BOOLEAN      NOT NULL,
    two_way_enabled                BOOLEAN      NOT NULL,
    self_managed_opt_outs_enabled  BOOLEAN      NOT NULL,
    opt_out_list_name              VARCHAR(64)  NULL,
    shared_routes_enabled          BOOLEAN      NOT NULL,
    deletion_protection_enabled    BOOLEAN      NOT NULL,
    number_count                   BIGINT       NOT NULL DEFAULT 0,
    providers                      VARCHAR(64)  NOT NULL DEFAULT '',
    version                        BIGINT       NOT NULL,
    created_at                     DATETIME(6)  NOT NULL,
    updated_at                     DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_pools_id (id),
    UNIQUE KEY uq_pools_account_name (account_id, name),
    KEY ix_pools_account (account_id, seq),
    CONSTRAINT fk_pools_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A number is in at most one pool of an account: uq_pool_numbers_account_number makes that hold under concurrency.
CREATE TABLE pool_numbers (
    seq              BIGINT       NOT NULL AUTO_INCREMENT,
    account_id       VARCHAR(40)  NOT NULL,
    pool_id          VARCHAR(40)  NOT NULL,
    e164             VARCHAR(16)  NOT NULL,
    provider         VARCHAR(16)  NOT NULL,
    type             VARCHAR(16)  NOT NULL,
    country          CHAR(2)      NOT NULL,
    area_code        CHAR(3)      NULL,
    campaign_id      VARCHAR(64)  NULL,
    two_way_capable  BOOLEAN      NOT NULL,
    weight           INT          NOT NULL,
    health           VARCHAR(16)  NOT NULL,
    added_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_pool_numbers_account_number (account_id, e164),
    KEY ix_pool_numbers_pool (pool_id, seq),
    KEY ix_pool_numbers_pool_type (pool_id, type, country),
    KEY ix_pool_numbers_pool_provider (pool_id, provider),
    CONSTRAINT fk_pool_numbers_pool FOREIGN KEY (pool_id) REFERENCES pools (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The change history outlives the pool: no foreign key to pools.
CREATE TABLE pool_events (
    seq           BIGINT       NOT NULL AUTO_INCREMENT,
    id            VARCHAR(40)  NOT NULL,
    account_id    VARCHAR(40)  NOT NULL,
    pool_id       VARCHAR(40)  NOT NULL,
    type          VARCHAR(32)  NOT NULL,
    actor         VARCHAR(40)  NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    before_state  MEDIUMTEXT   NULL,
    after_state   MEDIUMTEXT   NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_pool_events_id (id),
    KEY ix_pool_events_pool (pool_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE idempotency_keys (
    account_id     VARCHAR(40)   NOT NULL,
    idem_key       VARCHAR(255)  NOT NULL,
    fingerprint    CHAR(64)      NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    status_code    INT           NULL,
    response_body  MEDIUMTEXT    NULL,
    headers        TEXT          NULL,
    PRIMARY KEY (account_id, idem_key),
    KEY ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
