-- Issue #19: lockout by back-off, throttling per source address, email verification, one-time
-- tokens and session limits.

-- One row per account: failures since the last success. An attempt is counted before the password
-- is checked, in the statement that decides whether the account is locked (PostgresSessions), so
-- concurrent guesses cannot all pass the check.
DROP TABLE login_failures;
CREATE TABLE login_attempts (
    user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    failures       integer     NOT NULL,
    last_failed_at timestamptz NOT NULL
);

-- Attempts on /auth/* per source address in the current fixed window.
CREATE TABLE source_attempts (
    source       text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    attempts     integer     NOT NULL
);

ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

-- Email verification and password reset tokens: only their SHA-256 is stored; each is used once.
CREATE TABLE account_tokens (
    token_hash text PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX account_tokens_user ON account_tokens (user_id);

-- A family ends at its absolute expiry however often it is refreshed. Families that predate this
-- migration get 30 days from their login.
ALTER TABLE refresh_families ADD COLUMN expires_at timestamptz;
UPDATE refresh_families SET expires_at = created_at + interval '30 days';
ALTER TABLE refresh_families ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX refresh_families_user ON refresh_families (user_id);
