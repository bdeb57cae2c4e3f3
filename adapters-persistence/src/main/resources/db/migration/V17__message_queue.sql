-- The message queue lives in the messages table: a message waits (queued or scheduled) with its priority
-- lane (0 high, 1 normal), the time it is due and the time its validity ends. `waiting` is 1 while it
-- waits and NULL after, so the queue's index holds the waiting messages at its front.
ALTER TABLE messages
    ADD COLUMN waiting          TINYINT        NULL,
    ADD COLUMN lane             TINYINT        NOT NULL DEFAULT 1,
    ADD COLUMN due_at           DATETIME(6)    NULL,
    ADD COLUMN expires_at       DATETIME(6)    NULL,
    ADD COLUMN send_at          DATETIME(6)    NULL,
    ADD COLUMN client_reference VARCHAR(255)   NULL,
    ADD COLUMN status_callback  VARCHAR(2048)  NULL,
    ADD COLUMN transitions      MEDIUMTEXT     NULL;

-- Messages stored before the queue: sent inside the request, so none waits. One still `queued` was being
-- sent when its instance stopped: it is `sending`, as such a message is now.
UPDATE messages SET status = 'sending' WHERE status = 'queued';
UPDATE messages SET due_at = created_at, expires_at = DATE_ADD(created_at, INTERVAL 4 HOUR), transitions = '[]';

ALTER TABLE messages
    MODIFY due_at      DATETIME(6) NOT NULL,
    MODIFY expires_at  DATETIME(6) NOT NULL,
    MODIFY transitions MEDIUMTEXT  NOT NULL;

-- The dispatchers' read: waiting, due, high lane first, then by due time and age.
CREATE INDEX ix_messages_queue ON messages (waiting, lane, due_at, seq);
-- The queue bound's count per pool, and the expiry sweep.
CREATE INDEX ix_messages_pool_waiting ON messages (pool_id, waiting);
CREATE INDEX ix_messages_expiry ON messages (waiting, expires_at);

-- Listing an account's messages newest first, by each filter that narrows it most.
CREATE INDEX ix_messages_account ON messages (account_id, seq);
CREATE INDEX ix_messages_account_pool ON messages (account_id, pool_id, seq);
CREATE INDEX ix_messages_account_status ON messages (account_id, status, seq);
CREATE INDEX ix_messages_account_to ON messages (account_id, to_number, seq);
CREATE INDEX ix_messages_account_reference ON messages (account_id, client_reference, seq);
