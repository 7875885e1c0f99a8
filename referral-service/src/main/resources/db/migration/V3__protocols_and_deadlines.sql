-- Written protocols as data (e.g. protection of children found begging in one municipality) and the deadlines
-- they put on referrals made under them.
CREATE TABLE protocol (
    id                          uuid PRIMARY KEY,
    name                        varchar(300) NOT NULL,
    municipality_code           varchar(6),
    trigger_category            varchar(64)  NOT NULL,
    coordinator_organization_id uuid         NOT NULL,
    escalate_after_hours        int          NOT NULL,
    active                      boolean      NOT NULL,
    created_at                  timestamptz  NOT NULL,
    version                     bigint       NOT NULL
);

CREATE TABLE protocol_step (
    protocol_id            uuid        NOT NULL REFERENCES protocol (id),
    position               int         NOT NULL,
    deadline               varchar(20) NOT NULL,
    responsible_legal_form varchar(40),
    due_hours              int         NOT NULL,
    PRIMARY KEY (protocol_id, position)
);

ALTER TABLE referral ADD COLUMN protocol_id uuid REFERENCES protocol (id);

CREATE TABLE referral_deadline (
    referral_id  uuid        NOT NULL REFERENCES referral (id),
    deadline     varchar(20) NOT NULL,
    due_at       timestamptz NOT NULL,
    met_at       timestamptz,
    closed_at    timestamptz,
    overdue_at   timestamptz,
    escalated_at timestamptz,
    PRIMARY KEY (referral_id, deadline)
);
CREATE INDEX referral_deadline_open_idx ON referral_deadline (due_at) WHERE met_at IS NULL AND closed_at IS NULL;

-- protocols are triggered by a case's vulnerability category
ALTER TABLE known_case ADD COLUMN vulnerabilities text[] NOT NULL DEFAULT '{}';
