-- A message awaits a receipt (needs_reconciliation) only while it is sending or unknown, so the count of those
-- messages reads ix_messages_interrupted (status, needs_reconciliation, updated_at). The index on the flag alone
-- cost every insert and update of a message a B-tree write and served nothing else.
DROP INDEX ix_messages_reconciliation ON messages;
