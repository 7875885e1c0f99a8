-- Support-type taxonomy (a first cut; the full reference data comes with the registry's own issue).
CREATE TABLE support_type (
    code        varchar(64) PRIMARY KEY,
    parent_code varchar(64) REFERENCES support_type (code),
    label_bs    varchar(200) NOT NULL,
    label_en    varchar(200) NOT NULL
);

INSERT INTO support_type (code, parent_code, label_bs, label_en) VALUES
  ('educational',                   NULL,           'Obrazovna podrška',                  'Educational support'),
  ('health',                        NULL,           'Zdravstvena podrška',                'Health support'),
  ('economic',                      NULL,           'Ekonomska podrška',                  'Economic support'),
  ('material',                      NULL,           'Materijalna podrška',                'Material support'),
  ('psychosocial',                  NULL,           'Psihosocijalna podrška',             'Psychosocial support'),
  ('psychosocial.counselling',      'psychosocial', 'Savjetovanje',                       'Counselling'),
  ('psychosocial.psychotherapy',    'psychosocial', 'Psihoterapija',                      'Psychotherapy'),
  ('family_group_conference',       NULL,           'Porodična grupna konferencija',      'Family group conference'),
  ('mentoring_leaving_care',        NULL,           'Mentorstvo za mlade koji napuštaju brigu', 'Mentoring for youth leaving care'),
  ('parent_education',              NULL,           'Edukacija roditelja',                'Parent education'),
  ('foster_care',                   NULL,           'Hraniteljstvo',                      'Foster care'),
  ('day_centre',                    NULL,           'Dnevni centar',                      'Day centre'),
  ('shelter',                       NULL,           'Sklonište',                          'Shelter'),
  ('legal_aid',                     NULL,           'Pravna pomoć',                       'Legal aid'),
  ('returnee_information',          NULL,           'Informacije za povratnike',          'Returnee information'),
  ('child_protection',              NULL,           'Zaštita djece',                      'Child protection');

CREATE TABLE organization (
    id                  uuid PRIMARY KEY,
    name                varchar(300) NOT NULL,
    legal_form          varchar(40)  NOT NULL,
    municipality_code   varchar(6),
    email               varchar(254),
    registration_number varchar(50) UNIQUE,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL
);
CREATE INDEX organization_name_idx ON organization (lower(name));

CREATE TABLE human_service (
    id              uuid PRIMARY KEY,
    organization_id uuid         NOT NULL REFERENCES organization (id),
    name            varchar(300) NOT NULL,
    description     text,
    support_types   text[]       NOT NULL,
    status          varchar(30)  NOT NULL,
    intake_status   varchar(30)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL
);
CREATE INDEX human_service_organization_idx ON human_service (organization_id);
