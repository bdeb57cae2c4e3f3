-- Forgetting events past their retention: found by age; settled deliveries by age too; a delivery still
-- waiting keeps its event (found by event id).
CREATE INDEX ix_events_created ON events (created_at);
CREATE INDEX ix_event_deliveries_settled ON event_deliveries (due, created_at);
CREATE INDEX ix_event_deliveries_event ON event_deliveries (event_id);
