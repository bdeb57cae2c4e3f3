-- A client's Idempotency-Key is bound to the message it created, in the row itself: a retry, however late,
-- finds the message instead of sending another. NULL (no key) may repeat; a key is unique per account.
ALTER TABLE messages ADD COLUMN idempotency_key VARCHAR(255) NULL;
CREATE UNIQUE INDEX uq_messages_idempotency_key ON messages (account_id, idempotency_key);

-- Finding sends a crash interrupted: still queued, not awaiting reconciliation, unchanged for a while.
CREATE INDEX ix_messages_interrupted ON messages (status, needs_reconciliation, updated_at);
