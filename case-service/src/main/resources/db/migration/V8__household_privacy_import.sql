-- Needs by support type and contact data of the household; member birth dates may be estimates.
ALTER TABLE family_case
    ADD COLUMN needs          text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN contact_phone  varchar(40),
    ADD COLUMN contact_email  varchar(254),
    ADD COLUMN address        varchar(300),
    ADD COLUMN updated_at     timestamptz,
    ADD COLUMN anonymised_at  timestamptz;
ALTER TABLE case_member
    ADD COLUMN birth_date_estimated boolean NOT NULL DEFAULT false,
    ALTER COLUMN name_key DROP NOT NULL;

-- Expiry is published once per consent.
ALTER TABLE consent ADD COLUMN expiry_published_at timestamptz;
CREATE INDEX consent_expiry_idx ON consent (expires_at)
    WHERE expires_at IS NOT NULL AND withdrawn_at IS NULL AND expiry_published_at IS NULL;

-- What a referral may show its receiver: the people, the data categories and the consents it relies on.
ALTER TABLE case_referral
    ADD COLUMN member_ids   uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN shared_scope text[] NOT NULL DEFAULT '{}',
    ADD COLUMN consent_ids  uuid[] NOT NULL DEFAULT '{}';

-- Cases brought in from a CSR system, by that system's own reference: importing twice creates nothing new.
CREATE TABLE case_source_reference (
    organization_id uuid         NOT NULL,
    source_system   varchar(64)  NOT NULL,
    source_id       varchar(100) NOT NULL,
    case_id         uuid         NOT NULL REFERENCES family_case (id),
    imported_at     timestamptz  NOT NULL,
    PRIMARY KEY (organization_id, source_system, source_id)
);
