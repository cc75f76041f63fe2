-- Transactional outbox shipped by the platform module. A service adds classpath:db/platform as an extra Flyway
-- location next to its own db/migration; its use cases append rows inside their own transaction (OutboxWriter) and
-- the relay (OutboxRelay) sends them to EventBridge.
CREATE TABLE event_outbox (
    id              uuid        PRIMARY KEY,                -- the CloudEvent id
    event_type      text        NOT NULL,                   -- the versioned CloudEvent type, shop.order.created.v1
    source          text        NOT NULL,                   -- the EventBridge and CloudEvent source, shop.<service>
    subject         text        NOT NULL,                   -- the aggregate id
    payload         jsonb       NOT NULL,                   -- the structured CloudEvent: the EventBridge detail
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,         -- sends tried so far
    next_attempt_at timestamptz NOT NULL DEFAULT now(),     -- due time; also the lease of a relay holding the row
    status          text        NOT NULL DEFAULT 'PENDING'
                                CHECK (status IN ('PENDING', 'SENT', 'PARKED')),
    last_error      text,
    sent_at         timestamptz
);

-- The sweep looks only at pending rows, oldest due first; sent rows stay out of the index.
CREATE INDEX event_outbox_due ON event_outbox (next_attempt_at) WHERE status = 'PENDING';
