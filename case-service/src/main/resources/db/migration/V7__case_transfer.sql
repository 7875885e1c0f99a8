-- Transfer of a case to another organisation, which accepts or declines it.
CREATE TABLE case_transfer (
    id                   uuid PRIMARY KEY,
    case_id              uuid         NOT NULL REFERENCES family_case (id),
    from_organization_id uuid         NOT NULL,
    to_organization_id   uuid         NOT NULL,
    reason               text         NOT NULL,
    status               varchar(20)  NOT NULL,
    requested_by         varchar(100) NOT NULL,
    requested_at         timestamptz  NOT NULL,
    decided_by           varchar(100),
    decided_at           timestamptz,
    decline_reason       text,
    version              bigint       NOT NULL
);
CREATE INDEX case_transfer_to_idx ON case_transfer (to_organization_id, status);
-- one open transfer per case at a time
CREATE UNIQUE INDEX case_transfer_one_pending_idx ON case_transfer (case_id) WHERE status = 'PENDING';
