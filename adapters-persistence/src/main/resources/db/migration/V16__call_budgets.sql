-- Budgets of calls to a provider shared by every instance (a provider's per-key rate limit): a token bucket
-- a key as of refilled_at.
CREATE TABLE call_budgets (
    budget_key   VARCHAR(80)  NOT NULL,
    tokens       DOUBLE       NOT NULL,
    refilled_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (budget_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
