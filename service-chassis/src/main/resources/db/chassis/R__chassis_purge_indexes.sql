-- What the purge (OutboxAndInboxPurge) deletes by: the oldest sent outbox rows and the oldest inbox rows.
-- Repeatable, not versioned: a chassis version below the services' own would be refused by a database that has
-- already run them, and IF NOT EXISTS makes a rerun harmless.
CREATE INDEX IF NOT EXISTS outbox_event_sent_idx ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS processed_event_processed_at_idx ON processed_event (processed_at);
