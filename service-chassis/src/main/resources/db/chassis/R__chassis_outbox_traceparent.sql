-- The W3C trace context an event was created in (also inside the event, CloudEvents' traceparent extension): the
-- relay continues that trace when it publishes, whichever replica does and however much later.
-- Repeatable, not versioned, for the reason R__chassis_purge_indexes.sql gives; IF NOT EXISTS makes a rerun harmless.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent varchar(55);
