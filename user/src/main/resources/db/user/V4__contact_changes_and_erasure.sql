-- Issue #19/#21: every change of a customer's contact details is published (CustomerContactChanged)
-- with this counter as the event's aggregateversion, so notification keeps the newest whatever
-- order the events arrive in.
ALTER TABLE users ADD COLUMN contact_version bigint NOT NULL DEFAULT 1;

-- When the last address confirmation was mailed: a resend waits VERIFICATION_RESEND_INTERVAL after it.
ALTER TABLE users ADD COLUMN verification_mail_at timestamptz;
