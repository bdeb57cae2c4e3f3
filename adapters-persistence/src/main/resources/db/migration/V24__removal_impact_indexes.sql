-- Before a number is removed: the recipients stuck to it, and whether it alone covers its area code.
CREATE INDEX ix_sticky_senders_sender ON sticky_senders (pool_id, sender);
CREATE INDEX ix_pool_numbers_pool_area ON pool_numbers (pool_id, country, area_code);
