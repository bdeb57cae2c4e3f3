-- The expiry warnings an inbox was given (7 days ahead, 1 day ahead): each once, by one instance.
CREATE TABLE canary_inbox_warnings (
    inbox_id  VARCHAR(40)  NOT NULL,
    days      INT          NOT NULL,
    PRIMARY KEY (inbox_id, days)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
