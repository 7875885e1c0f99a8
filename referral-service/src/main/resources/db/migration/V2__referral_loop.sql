-- The whole loop: reasons, outcome, hold, redirect links; messages between the two sides; safe retries.
ALTER TABLE referral
    ADD COLUMN status_before_hold       varchar(20),
    ADD COLUMN reason_code              varchar(64),
    ADD COLUMN outcome_provided         text,
    ADD COLUMN need_met                 varchar(10),
    ADD COLUMN started_at               timestamptz,
    ADD COLUMN closed_at                timestamptz,
    ADD COLUMN redirected_to            uuid REFERENCES referral (id),
    ADD COLUMN redirected_from          uuid REFERENCES referral (id),
    ADD COLUMN redirected_by_organization_id uuid;
CREATE INDEX referral_receiver_status_idx ON referral (receiving_organization_id, status);
CREATE INDEX referral_sender_status_idx ON referral (sending_organization_id, status);

CREATE TABLE referral_message (
    id              uuid PRIMARY KEY,
    referral_id     uuid         NOT NULL REFERENCES referral (id),
    author          varchar(100) NOT NULL,
    organization_id uuid         NOT NULL,
    at              timestamptz  NOT NULL,
    text            text         NOT NULL
);
CREATE INDEX referral_message_referral_idx ON referral_message (referral_id, at);

-- A partner's retried create returns the referral the first attempt made (Idempotency-Key header).
CREATE TABLE idempotency_key (
    organization_id uuid         NOT NULL,
    key             varchar(200) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    referral_id     uuid         NOT NULL REFERENCES referral (id),
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (organization_id, key)
);
