-- Issue #19, administrators: a TOTP second factor per account, the authentication methods of each
-- session, and the single admin role split into one role per part of the administration.

-- One factor per account: pending from enrolment until a first code confirms it. The secret is
-- returned once, at enrolment, and never read back out by any route. last_used_step is the last
-- time step whose code was accepted: a code of that step or an earlier one is refused (replay).
CREATE TABLE totp_factors (
    user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret         text        NOT NULL,
    created_at     timestamptz NOT NULL,
    activated_at   timestamptz,
    last_used_step bigint
);

-- How the login of a family proved who the user is (RFC 8176 amr values, comma-separated): every
-- refresh of the family keeps it. Families older than this migration came from password logins.
ALTER TABLE refresh_families ADD COLUMN amr text NOT NULL DEFAULT 'pwd';

-- A deployed admin keeps their powers: each grant of admin becomes the four staff roles. They act
-- as staff once they have enrolled TOTP and logged in with a code.
INSERT INTO user_roles (user_id, role)
SELECT user_id, staff.role
FROM user_roles, unnest(ARRAY['catalog', 'orders', 'ops', 'users']) AS staff (role)
WHERE user_roles.role = 'admin'
ON CONFLICT DO NOTHING;
DELETE FROM user_roles WHERE role = 'admin';
