-- After PAID: an order ships in parcels, is delivered, takes returns and refunds in part. Its money is kept apart from
-- its shipping state: captured_amount and refunded_amount (REFUNDED once they are equal). Lines of parcels, returns
-- and refunds are two parallel arrays (product ids, quantities): they are only ever read with their parent.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN
    ('PENDING', 'RESERVED', 'PAYMENT_ACTION_REQUIRED', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED',
     'CANCELLED', 'REFUNDED'));
ALTER TABLE orders
    ADD COLUMN captured_amount bigint NOT NULL DEFAULT 0,
    ADD COLUMN refunded_amount bigint NOT NULL DEFAULT 0;
UPDATE orders SET captured_amount = total WHERE status IN ('PAID', 'REFUNDED');
UPDATE orders SET refunded_amount = total WHERE status = 'REFUNDED';
-- The last line of defence: whatever the code decides, no order gives back more than it took.
ALTER TABLE orders ADD CONSTRAINT orders_refunds_within_capture
    CHECK (captured_amount >= 0 AND refunded_amount BETWEEN 0 AND captured_amount);
-- Staff search by customer: the id or the email address.
CREATE INDEX orders_by_email ON orders (lower(customer_email), created_at DESC, id DESC);

CREATE TABLE shipments (
    id              text        PRIMARY KEY,
    order_id        text        NOT NULL REFERENCES orders (id),
    carrier         text        NOT NULL,
    tracking_number text        NOT NULL,
    tracking_url    text,
    product_ids     text[]      NOT NULL,
    quantities      integer[]   NOT NULL,
    shipped_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX shipments_of_order ON shipments (order_id);
-- The carrier's webhook names the parcel by its tracking number.
CREATE INDEX shipments_tracked ON shipments (carrier, tracking_number);

CREATE TABLE order_returns (
    id           text        PRIMARY KEY,
    order_id     text        NOT NULL REFERENCES orders (id),
    status       text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED')),
    product_ids  text[]      NOT NULL,
    quantities   integer[]   NOT NULL,
    reason       text        NOT NULL,
    decision     text,
    refund_id    text,
    requested_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX order_returns_of_order ON order_returns (order_id);

CREATE TABLE refunds (
    id              text        PRIMARY KEY,
    order_id        text        NOT NULL REFERENCES orders (id),
    idempotency_key text,
    amount          bigint      NOT NULL CHECK (amount > 0),
    reason          text        NOT NULL,
    product_ids     text[]      NOT NULL,
    quantities      integer[]   NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (order_id, idempotency_key)
);
CREATE INDEX refunds_of_order ON refunds (order_id);
