-- Each sending number's budget, shared by every instance: a token bucket as of refilled_at.
CREATE TABLE send_budgets (
    e164         VARCHAR(16)  NOT NULL,
    tokens       DOUBLE       NOT NULL,
    refilled_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (e164)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
