-- Whether a service shows in searches (its organisation is active and it is not withdrawn), kept on the service
-- so that a search needs no join. No index on the name: searches filter first (GIN) and sort the few matches;
-- an ordered index scan would read every service to fill one page.
ALTER TABLE human_service ADD COLUMN listed boolean NOT NULL DEFAULT true;
UPDATE human_service s SET listed = (s.withdrawn_at IS NULL AND o.active)
FROM organization o WHERE o.id = s.organization_id;
