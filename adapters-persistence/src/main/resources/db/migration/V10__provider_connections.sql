-- An account's own credentials at a provider. The credentials are one AES-256-GCM ciphertext (a JSON
-- object of fields) under the instance key named by key_id; the row's id, account and provider are its
-- associated data, so a ciphertext copied into another row does not decrypt.
CREATE TABLE provider_connections (
    seq          BIGINT         NOT NULL AUTO_INCREMENT,
    id           VARCHAR(40)    NOT NULL,
    account_id   VARCHAR(40)    NOT NULL,
    provider     VARCHAR(16)    NOT NULL,
    name         VARCHAR(64)    NOT NULL,
    key_id       VARCHAR(64)    NOT NULL,
    nonce        VARBINARY(12)  NOT NULL,
    credentials  VARBINARY(8192) NOT NULL,
    base_url     VARCHAR(2048)  NULL,
    created_at   DATETIME(6)    NOT NULL,
    updated_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_provider_connections_id (id),
    UNIQUE KEY uq_provider_connections_name (account_id, name),
    KEY ix_provider_connections_serving (account_id, provider, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
