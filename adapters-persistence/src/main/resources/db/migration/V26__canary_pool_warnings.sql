-- Each pool hears of an inbox's end once per warning, whichever path tells it first (the round that gives the
-- warning, or a schedule that starts using an inbox already warned).
CREATE TABLE canary_pool_warnings (
    inbox_id  VARCHAR(40)  NOT NULL,
    pool_id   VARCHAR(40)  NOT NULL,
    days      INT          NOT NULL,
    PRIMARY KEY (inbox_id, pool_id, days)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
