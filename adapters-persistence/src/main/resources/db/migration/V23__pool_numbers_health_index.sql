-- The console's pool list counts each pool's unhealthy numbers: an index lookup, however large the pool.
CREATE INDEX ix_pool_numbers_pool_health ON pool_numbers (pool_id, health);
