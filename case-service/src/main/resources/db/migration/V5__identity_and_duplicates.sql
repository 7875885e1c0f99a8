-- Duplicate detection without keeping identity numbers: a keyed hash of the JMBG and a script- and
-- diacritic-insensitive name key, both only for matching.
ALTER TABLE case_member
    ADD COLUMN identity_hash varchar(64),
    ADD COLUMN name_key      varchar(300);
UPDATE case_member SET name_key = lower(given_name || ' ' || family_name) WHERE name_key IS NULL;
ALTER TABLE case_member ALTER COLUMN name_key SET NOT NULL;
CREATE INDEX case_member_identity_idx ON case_member (identity_hash) WHERE identity_hash IS NOT NULL;
CREATE INDEX case_member_name_idx ON case_member (name_key, birth_date);
