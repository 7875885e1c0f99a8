-- Organisations by name in the protocol deadlines (an organisation is public directory data, not a person). Rows
-- projected before this migration get their name with the organisation's next event, or at once by
-- `deploy/platform.sh rebuild-reports`; until then a report shows the organisation's id.
ALTER TABLE organization_fact ADD COLUMN name varchar(300);
