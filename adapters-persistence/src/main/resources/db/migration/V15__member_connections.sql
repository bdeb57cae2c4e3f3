-- The account's connection a pooled number belongs to at its provider (NULL: the serving connection).
ALTER TABLE pool_numbers ADD COLUMN connection_id VARCHAR(40) NULL;
CREATE INDEX ix_pool_numbers_connection ON pool_numbers (connection_id);
