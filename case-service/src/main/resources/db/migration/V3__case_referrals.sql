-- The referrals of each case as the referral service reports them: the loop closes on the case record.
CREATE TABLE case_referral (
    referral_id               uuid PRIMARY KEY,
    case_id                   uuid        NOT NULL REFERENCES family_case (id),
    receiving_organization_id uuid        NOT NULL,
    service_id                uuid        NOT NULL,
    support_types             text[]      NOT NULL,
    status                    varchar(20) NOT NULL,
    reason_code               varchar(64),
    need_met                  varchar(10),
    requested_at              timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL
);
CREATE INDEX case_referral_case_idx ON case_referral (case_id, requested_at);
