-- The sweep deletes rows sent longer ago than the retention (OutboxRelay.deleteSent), oldest first; this index
-- keeps that a range scan however large the table has grown.
CREATE INDEX event_outbox_sent ON event_outbox (sent_at) WHERE status = 'SENT';
