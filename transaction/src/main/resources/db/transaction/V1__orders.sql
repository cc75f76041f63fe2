-- Orders, their lines and history, and the checkout requests remembered by Idempotency-Key. Money is bigint minor
-- units with an ISO 4217 currency. The outbox and inbox tables come from platform (classpath:db/platform).
CREATE TABLE orders (
    id                  text        PRIMARY KEY,
    user_id             text        NOT NULL,
    status              text        NOT NULL CHECK (status IN
                                        ('PENDING', 'RESERVED', 'PAYMENT_ACTION_REQUIRED', 'PAID', 'CANCELLED', 'REFUNDED')),
    version             bigint      NOT NULL CHECK (version >= 1),  -- sequence of the order's latest event
    total               bigint      NOT NULL CHECK (total > 0),
    currency            char(3)     NOT NULL,
    payment_method_id   text        NOT NULL,
    stripe_customer_id  text,
    payment_intent_id   text,
    customer_email      text        NOT NULL,
    customer_name       text        NOT NULL,
    customer_phone      text,
    customer_sms_opt_in boolean     NOT NULL,
    ship_name           text        NOT NULL,
    ship_line1          text        NOT NULL,
    ship_line2          text,
    ship_city           text        NOT NULL,
    ship_postal_code    text        NOT NULL,
    ship_country        text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- Keyset pages, newest first: a customer's own, all (admin), by status (admin).
CREATE INDEX orders_by_user ON orders (user_id, created_at DESC, id DESC);
CREATE INDEX orders_newest ON orders (created_at DESC, id DESC);
CREATE INDEX orders_by_status ON orders (status, created_at DESC, id DESC);
-- The expiry sweep looks only at orders that can still expire.
CREATE INDEX orders_expiring ON orders (created_at) WHERE status IN ('PENDING', 'RESERVED');

CREATE TABLE order_lines (
    order_id   text    NOT NULL REFERENCES orders (id),
    line_no    integer NOT NULL,
    product_id text    NOT NULL,
    sku        text    NOT NULL,
    name       text    NOT NULL,
    quantity   integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    unit_price bigint  NOT NULL CHECK (unit_price > 0),
    PRIMARY KEY (order_id, line_no)
);

-- One row per event of the order: its version, the event's name and the status it left.
CREATE TABLE order_history (
    order_id text        NOT NULL REFERENCES orders (id),
    version  bigint      NOT NULL,
    event    text        NOT NULL,
    status   text        NOT NULL,
    at       timestamptz NOT NULL,
    PRIMARY KEY (order_id, version)
);

-- A checkout request per (user, Idempotency-Key). Inserted first in the checkout's transaction, so a concurrent twin
-- waits on the key and then finds it taken; the order row follows in the same transaction (deferred check).
CREATE TABLE checkout_requests (
    user_id         text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    order_id        text        NOT NULL REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);
