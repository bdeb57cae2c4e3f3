-- The console's operations page lists an account's parts that are not in sync.
CREATE INDEX ix_sync_parts_account_state ON sync_parts (account_id, state);
