-- Family group conferences (porodične grupne konferencije) held on a case.
CREATE TABLE family_conference (
    id              uuid PRIMARY KEY,
    case_id         uuid         NOT NULL REFERENCES family_case (id),
    held_on         date         NOT NULL,
    coordinator     varchar(200) NOT NULL,
    children        int          NOT NULL,
    parents         int          NOT NULL,
    extended_family int          NOT NULL,
    professionals   int          NOT NULL,
    decisions       text,
    family_plan     text,
    follow_up_on    date,
    outcome         varchar(30)  NOT NULL,
    dropped_out     boolean      NOT NULL,
    drop_out_reason varchar(30),
    recorded_by     varchar(100) NOT NULL,
    recorded_at     timestamptz  NOT NULL
);
CREATE INDEX family_conference_case_idx ON family_conference (case_id, held_on);
