-- Projection of referral events: ids, codes and timestamps only, no direct identifiers.
-- Rebuilt from the referral topic by replaying it into an empty database.
CREATE TABLE referral_fact (
    referral_id               uuid PRIMARY KEY,
    sending_organization_id   uuid        NOT NULL,
    receiving_organization_id uuid        NOT NULL,
    service_id                uuid        NOT NULL,
    support_types             text[]      NOT NULL,
    municipality_code         varchar(6),
    priority                  varchar(20),
    requested_at              timestamptz NOT NULL,
    accepted_at               timestamptz
);
CREATE INDEX referral_fact_requested_idx ON referral_fact (requested_at);
CREATE INDEX referral_fact_support_types_idx ON referral_fact USING gin (support_types);
