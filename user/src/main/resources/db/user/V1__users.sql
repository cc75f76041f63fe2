-- Accounts, sessions, addresses, payment methods and carts of the user service.

CREATE TABLE users (
    id                 uuid PRIMARY KEY,
    email              text        NOT NULL,
    password_hash      text        NOT NULL,
    name               text        NOT NULL,
    phone              text,
    sms_opt_in         boolean     NOT NULL DEFAULT false,
    stripe_customer_id text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_email_normalised CHECK (email = lower(btrim(email))),
    CONSTRAINT users_sms_needs_phone CHECK (NOT sms_opt_in OR phone IS NOT NULL)
);

CREATE TABLE user_roles (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    text NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE login_failures (
    user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    failed_at timestamptz NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (user_id, failed_at);

-- A login starts a family; each refresh adds its successor. Reusing a used token revokes the family.
CREATE TABLE refresh_families (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);

-- Only the SHA-256 of a refresh token is stored.
CREATE TABLE refresh_tokens (
    token_hash text PRIMARY KEY,
    family_id  uuid        NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE addresses (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipient   text        NOT NULL,
    line1       text        NOT NULL,
    line2       text,
    city        text        NOT NULL,
    region      text,
    postal_code text        NOT NULL,
    country     char(2)     NOT NULL,
    phone       text,
    is_default  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL
);
CREATE INDEX addresses_user ON addresses (user_id);
CREATE UNIQUE INDEX addresses_one_default ON addresses (user_id) WHERE is_default;

-- Only what lets a user recognise a card: brand, last four digits, expiry. Never the number.
CREATE TABLE payment_methods (
    id         text PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    brand      text        NOT NULL,
    last4      char(4)     NOT NULL,
    exp_month  smallint    NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
    exp_year   smallint    NOT NULL,
    is_default boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);
CREATE INDEX payment_methods_user ON payment_methods (user_id);
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (user_id) WHERE is_default;

CREATE TABLE cart_items (
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id text        NOT NULL,
    quantity   integer     NOT NULL CHECK (quantity > 0),
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
