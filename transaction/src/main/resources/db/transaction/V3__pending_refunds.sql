-- The refund sweep looks for refunds left PENDING: few at any time, so a partial index keeps that cheap.
CREATE INDEX refunds_pending ON refunds (created_at) WHERE status = 'PENDING';
