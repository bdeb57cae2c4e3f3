-- A pool's automatic answers to inbound keywords (HELP, STOP confirmations, its own words), in the order given.
CREATE TABLE pool_keyword_replies (
    account_id  VARCHAR(40)   NOT NULL,
    pool_id     VARCHAR(40)   NOT NULL,
    keyword     VARCHAR(20)   NOT NULL,
    position    INT           NOT NULL,
    reply       TEXT          NOT NULL,
    language    VARCHAR(16)   NULL,
    updated_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (pool_id, keyword)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
