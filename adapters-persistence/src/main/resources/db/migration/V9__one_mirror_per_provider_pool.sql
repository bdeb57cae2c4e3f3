-- A provider pool is mirrored by one Poolkeeper pool at most, of one account: an import of a provider pool
-- that a pool already mirrors is refused, so no account can adopt (and later delete) another's provider pool.
CREATE UNIQUE INDEX uq_sync_parts_provider_pool ON sync_parts (provider, provider_pool_id);
