-- Local copy of the directory entries referrals need, fed by organization-registry events.
CREATE TABLE known_service (
    service_id      uuid PRIMARY KEY,
    organization_id uuid         NOT NULL,
    name            varchar(300) NOT NULL,
    support_types   text[]       NOT NULL,
    status          varchar(30)  NOT NULL,
    intake_status   varchar(30)  NOT NULL,
    updated_at      timestamptz  NOT NULL
);

-- Local copy of cases (owner and pseudonymous members only), fed by case-service events.
CREATE TABLE known_case (
    case_id           uuid PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    municipality_code varchar(6),
    members           jsonb       NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE referral (
    id                        uuid PRIMARY KEY,
    case_id                   uuid         NOT NULL,
    sending_organization_id   uuid         NOT NULL,
    receiving_organization_id uuid         NOT NULL,
    service_id                uuid         NOT NULL,
    support_types             text[]       NOT NULL,
    member_ids                text[]       NOT NULL,
    priority                  varchar(20)  NOT NULL,
    reason                    text         NOT NULL,
    status                    varchar(20)  NOT NULL,
    requested_at              timestamptz  NOT NULL,
    accepted_at               timestamptz,
    requested_by              varchar(100) NOT NULL,
    version                   bigint       NOT NULL
);
CREATE INDEX referral_sender_idx ON referral (sending_organization_id, requested_at DESC);
CREATE INDEX referral_receiver_idx ON referral (receiving_organization_id, requested_at DESC);

-- Every transition: who, for which organisation, when, from what to what, and why.
CREATE TABLE referral_transition (
    id              uuid PRIMARY KEY,
    referral_id     uuid         NOT NULL REFERENCES referral (id),
    from_status     varchar(20),
    to_status       varchar(20)  NOT NULL,
    actor           varchar(100) NOT NULL,
    organization_id uuid         NOT NULL,
    at              timestamptz  NOT NULL,
    note            text
);
CREATE INDEX referral_transition_referral_idx ON referral_transition (referral_id, at);
