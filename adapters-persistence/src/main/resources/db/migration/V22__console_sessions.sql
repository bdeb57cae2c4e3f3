-- Operator console sessions: the SHA-256 of the cookie's token, never the token.
CREATE TABLE console_sessions (
    id_hash       CHAR(64)     NOT NULL,
    account_id    VARCHAR(40)  NOT NULL,
    key_id        VARCHAR(40)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_seen_at  DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id_hash),
    KEY ix_console_sessions_key (key_id),
    KEY ix_console_sessions_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
