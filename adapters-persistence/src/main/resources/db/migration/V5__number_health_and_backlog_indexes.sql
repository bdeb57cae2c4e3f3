-- Since when a pooled number has its health: an unhealthy number rests, then is given another chance.
ALTER TABLE pool_numbers ADD COLUMN health_since DATETIME(6) NULL;

-- Numbers already unhealthy start their rest now.
UPDATE pool_numbers SET health_since = UTC_TIMESTAMP(6) WHERE health = 'unhealthy';

CREATE INDEX ix_pool_numbers_health ON pool_numbers (health, health_since);

-- Operators' backlog gauges count these without a scan.
CREATE INDEX ix_messages_reconciliation ON messages (needs_reconciliation);
CREATE INDEX ix_sync_parts_state ON sync_parts (state);
