-- A delivery to a message's own status_callback: the URL it goes to instead of its endpoint's, whose secret
-- signs it (the endpoint on the callback's origin).
ALTER TABLE event_deliveries ADD COLUMN url VARCHAR(2048) NULL;
