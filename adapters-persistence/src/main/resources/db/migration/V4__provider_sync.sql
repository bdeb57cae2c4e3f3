-- Each pool's part at each provider, as the last sync left it. No foreign key to pools: when a pool is
-- deleted its parts stay until the sync has removed the provider pools.
CREATE TABLE sync_parts (
    pool_id             VARCHAR(40)    NOT NULL,
    provider            VARCHAR(16)    NOT NULL,
    account_id          VARCHAR(40)    NOT NULL,
    provider_pool_id    VARCHAR(100)   NULL,
    state               VARCHAR(16)    NOT NULL,
    last_synced_at      DATETIME(6)    NULL,
    last_error          VARCHAR(1000)  NULL,
    pending_operations  INT            NOT NULL,
    updated_at          DATETIME(6)    NOT NULL,
    PRIMARY KEY (pool_id, provider)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The outbox: one row per pool that needs a sync, written in the transaction of the change. asked_at
-- moves with every new request; due_at is when a worker may take it (later after a provider outage);
-- a lease keeps other instances off the pool while one syncs it.
CREATE TABLE sync_requests (
    pool_id      VARCHAR(40)   NOT NULL,
    account_id   VARCHAR(40)   NOT NULL,
    asked_at     DATETIME(6)   NOT NULL,
    due_at       DATETIME(6)   NOT NULL,
    lease_owner  VARCHAR(100)  NULL,
    lease_until  DATETIME(6)   NULL,
    PRIMARY KEY (pool_id),
    KEY ix_sync_requests_due (due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
