-- Numbers an account rents with a readable inbox (canaries). rental_key is the key the rental was asked
-- for with (a retry with it leads back to the row); a provider's rental id is held by one row per connection.
CREATE TABLE canary_inboxes (
    seq            BIGINT         NOT NULL AUTO_INCREMENT,
    id             VARCHAR(40)    NOT NULL,
    account_id     VARCHAR(40)    NOT NULL,
    connection_id  VARCHAR(40)    NOT NULL,
    service        VARCHAR(64)    NOT NULL,
    days           INT            NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    rental_id      VARCHAR(128)   NULL,
    number         VARCHAR(20)    NULL,
    cost           DECIMAL(14, 4) NULL,
    ends_at        DATETIME(6)    NULL,
    detail         VARCHAR(512)   NULL,
    rental_key     VARCHAR(255)   NOT NULL,
    created_at     DATETIME(6)    NOT NULL,
    updated_at     DATETIME(6)    NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_canary_inboxes_id (id),
    UNIQUE KEY uq_canary_inboxes_key (account_id, rental_key),
    UNIQUE KEY uq_canary_inboxes_rental (connection_id, rental_id),
    KEY ix_canary_inboxes_status (status, ends_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
