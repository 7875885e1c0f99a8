-- The case-management process (vođenje slučaja): assignment, every status change with who and why, the
-- assessment, the case plan and case notes.
ALTER TABLE family_case
    ADD COLUMN assigned_worker varchar(100),
    ADD COLUMN closure_reason  varchar(30),
    ADD COLUMN closed_at       timestamptz;

CREATE TABLE case_transition (
    id          uuid PRIMARY KEY,
    case_id     uuid         NOT NULL REFERENCES family_case (id),
    from_status varchar(20),
    to_status   varchar(20)  NOT NULL,
    actor       varchar(100) NOT NULL,
    at          timestamptz  NOT NULL,
    note        text
);
CREATE INDEX case_transition_case_idx ON case_transition (case_id, at);

CREATE TABLE case_assessment (
    id          uuid PRIMARY KEY,
    case_id     uuid         NOT NULL REFERENCES family_case (id),
    strengths   text         NOT NULL,
    risks       text         NOT NULL,
    needs       text[]       NOT NULL,
    summary     text,
    assessed_by varchar(100) NOT NULL,
    assessed_at timestamptz  NOT NULL
);
CREATE INDEX case_assessment_case_idx ON case_assessment (case_id, assessed_at DESC);

CREATE TABLE case_plan_item (
    id                          uuid PRIMARY KEY,
    case_id                     uuid         NOT NULL REFERENCES family_case (id),
    goal                        text         NOT NULL,
    action                      text         NOT NULL,
    responsible_organization_id uuid         NOT NULL,
    due_date                    date         NOT NULL,
    done                        boolean      NOT NULL,
    created_by                  varchar(100) NOT NULL,
    created_at                  timestamptz  NOT NULL
);
CREATE INDEX case_plan_item_case_idx ON case_plan_item (case_id, due_date);

CREATE TABLE case_note (
    id         uuid PRIMARY KEY,
    case_id    uuid         NOT NULL REFERENCES family_case (id),
    text       text         NOT NULL,
    visibility varchar(20)  NOT NULL,
    author     varchar(100) NOT NULL,
    at         timestamptz  NOT NULL
);
CREATE INDEX case_note_case_idx ON case_note (case_id, at);
