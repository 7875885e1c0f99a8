-- Cases (households or single persons) with their members. Names and birth dates are personal data:
-- they never leave this service in events or logs.
CREATE TABLE family_case (
    id                uuid PRIMARY KEY,
    organization_id   uuid         NOT NULL,
    municipality_code varchar(6),
    status            varchar(20)  NOT NULL,
    vulnerabilities   text[]       NOT NULL,
    opened_at         timestamptz  NOT NULL,
    opened_by         varchar(100) NOT NULL,
    version           bigint       NOT NULL
);
CREATE INDEX family_case_organization_idx ON family_case (organization_id, opened_at DESC);

CREATE TABLE case_member (
    id          uuid PRIMARY KEY,
    case_id     uuid         NOT NULL REFERENCES family_case (id),
    position    int          NOT NULL,
    role        varchar(30)  NOT NULL,
    given_name  varchar(100) NOT NULL,
    family_name varchar(100) NOT NULL,
    sex         varchar(10)  NOT NULL,
    birth_date  date
);
CREATE INDEX case_member_case_idx ON case_member (case_id);

-- Who read or changed which personal data, when and why.
CREATE TABLE audit_entry (
    id              uuid PRIMARY KEY,
    at              timestamptz  NOT NULL,
    actor           varchar(100) NOT NULL,
    organization_id uuid,
    action          varchar(50)  NOT NULL,
    record_type     varchar(50)  NOT NULL,
    record_id       uuid         NOT NULL,
    purpose         varchar(200)
);
CREATE INDEX audit_entry_record_idx ON audit_entry (record_type, record_id);
CREATE INDEX audit_entry_organization_idx ON audit_entry (organization_id, at DESC);
