-- Consent per person: who gave it for whom, for what purpose, to whom, covering which data, until when.
CREATE TABLE consent (
    id                         uuid PRIMARY KEY,
    case_id                    uuid         NOT NULL REFERENCES family_case (id),
    member_ids                 uuid[]       NOT NULL,
    given_by_member_id         uuid         NOT NULL,
    child_view                 text,
    purpose                    varchar(30)  NOT NULL,
    any_network_member         boolean      NOT NULL,
    recipient_organization_ids uuid[]       NOT NULL,
    scope                      text[]       NOT NULL,
    method                     varchar(30)  NOT NULL,
    witness                    varchar(200),
    given_at                   timestamptz  NOT NULL,
    expires_at                 timestamptz,
    withdrawn_at               timestamptz,
    withdrawal_reason          text,
    recorded_by                varchar(100) NOT NULL,
    version                    bigint       NOT NULL
);
CREATE INDEX consent_case_idx ON consent (case_id);
