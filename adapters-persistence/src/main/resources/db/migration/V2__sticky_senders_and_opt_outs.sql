-- Sticky senders: one mapping per recipient per pool; the primary key settles concurrent first messages.
CREATE TABLE sticky_senders (
    pool_id       VARCHAR(40)  NOT NULL,
    recipient     VARCHAR(16)  NOT NULL,
    sender        VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (pool_id, recipient),
    CONSTRAINT fk_sticky_senders_pool FOREIGN KEY (pool_id) REFERENCES pools (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Opted-out recipients per list. list_key is "list:<name>" for a named opt-out list of the account,
-- "pool:<pool id>" for the list of a pool that names none.
CREATE TABLE opt_out_numbers (
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id   VARCHAR(40)  NOT NULL,
    list_key     VARCHAR(80)  NOT NULL,
    number       VARCHAR(16)  NOT NULL,
    opted_out_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_opt_out_numbers (account_id, list_key, number),
    KEY ix_opt_out_numbers_list (account_id, list_key, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
