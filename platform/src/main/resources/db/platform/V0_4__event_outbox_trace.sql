-- The X-Ray trace header of the request or message that wrote the event (shop.platform.observability.Traces): the
-- relay sends it as PutEvents' TraceHeader, so the trace goes on through the bus and SQS to every consumer.
ALTER TABLE event_outbox ADD COLUMN trace_header text;
