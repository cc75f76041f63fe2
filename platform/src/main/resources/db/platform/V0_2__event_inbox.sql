-- Consumers that write to PostgreSQL record each handled event in the same transaction as their effect
-- (PostgresInbox): the primary key makes a redelivered event a no-op.
CREATE TABLE event_inbox (
    consumer   text        NOT NULL,                        -- the subscription's consumer name, e.g. payments
    event_id   text        NOT NULL,                        -- the CloudEvent id
    handled_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
