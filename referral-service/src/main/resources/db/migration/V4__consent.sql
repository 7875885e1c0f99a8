-- Local copy of consents (from case-service events) and of organisations' legal forms (from the registry),
-- and on each referral the basis it was sent on.
CREATE TABLE known_consent (
    consent_id                 uuid PRIMARY KEY,
    case_id                    uuid        NOT NULL,
    member_ids                 text[]      NOT NULL,
    purpose                    varchar(30) NOT NULL,
    any_network_member         boolean     NOT NULL,
    recipient_organization_ids uuid[]      NOT NULL,
    scope                      text[]      NOT NULL,
    given_at                   timestamptz NOT NULL,
    expires_at                 timestamptz,
    withdrawn_at               timestamptz
);
CREATE INDEX known_consent_case_idx ON known_consent (case_id);

CREATE TABLE known_organization (
    organization_id uuid PRIMARY KEY,
    legal_form      varchar(40) NOT NULL,
    updated_at      timestamptz NOT NULL
);

ALTER TABLE referral
    ADD COLUMN consent_basis        varchar(20) NOT NULL DEFAULT 'CONSENT',
    ADD COLUMN consent_ids          uuid[]      NOT NULL DEFAULT '{}',
    ADD COLUMN override_reason      text,
    ADD COLUMN consent_withdrawn_at timestamptz;
