-- More projections, still without direct identifiers: ids, codes, counts and dates.
-- Referrals remember their case and the (opaque) people they concern, and missed protocol deadlines.
ALTER TABLE referral_fact
    ADD COLUMN case_id      uuid,
    ADD COLUMN member_ids   uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN overdue_at   timestamptz,
    ADD COLUMN escalated_at timestamptz;
CREATE INDEX referral_fact_case_idx ON referral_fact (case_id);
CREATE INDEX referral_fact_accepted_idx ON referral_fact (accepted_at);

-- Households and their people, pseudonymous: role, age band and sex only.
CREATE TABLE case_fact (
    case_id           uuid PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    municipality_code varchar(10),
    vulnerabilities   text[]      NOT NULL DEFAULT '{}',
    needs             text[]      NOT NULL DEFAULT '{}',
    opened_at         timestamptz NOT NULL,
    closed_at         timestamptz
);
CREATE TABLE case_person (
    member_id uuid PRIMARY KEY,
    case_id   uuid        NOT NULL,
    role      varchar(30) NOT NULL,
    age_band  varchar(10) NOT NULL,
    sex       varchar(10) NOT NULL
);
CREATE INDEX case_person_case_idx ON case_person (case_id);

-- Family group conferences: counts by role and codes.
CREATE TABLE conference_fact (
    conference_id   uuid PRIMARY KEY,
    case_id         uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    held_on         date        NOT NULL,
    children        int         NOT NULL,
    parents         int         NOT NULL,
    extended_family int         NOT NULL,
    professionals   int         NOT NULL,
    outcome         varchar(30),
    dropped_out     boolean     NOT NULL,
    drop_out_reason varchar(30)
);

-- The directory as the registry publishes it.
CREATE TABLE organization_fact (
    organization_id   uuid PRIMARY KEY,
    legal_form        varchar(40),
    municipality_code varchar(10),
    active            boolean NOT NULL
);
CREATE TABLE service_fact (
    service_id             uuid PRIMARY KEY,
    organization_id        uuid        NOT NULL,
    support_types          text[]      NOT NULL,
    covered_municipalities text[]      NOT NULL DEFAULT '{}',
    status                 varchar(30) NOT NULL,
    intake_status          varchar(30) NOT NULL
);
CREATE TABLE network_member_fact (
    network_id      uuid         NOT NULL,
    network_name    varchar(300) NOT NULL,
    network_kind    varchar(30)  NOT NULL,
    organization_id uuid         NOT NULL,
    PRIMARY KEY (network_id, organization_id)
);
CREATE TABLE memorandum_fact (
    memorandum_id uuid PRIMARY KEY,
    title         varchar(300) NOT NULL,
    kind          varchar(20)  NOT NULL,
    network_id    uuid,
    signatories   uuid[]       NOT NULL,
    signed_on     date         NOT NULL,
    valid_until   date
);
