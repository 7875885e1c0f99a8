-- The directory modelled on Open Referral HSDS 3.0. Reference data (administrative units, support types, target
-- groups) ships in the reference-data module and is loaded into the tables below by the Java migration V3.
DROP TABLE support_type;

CREATE TABLE administrative_unit (
    code        varchar(10) PRIMARY KEY,
    kind        varchar(20)  NOT NULL,
    parent_code varchar(10) REFERENCES administrative_unit (code),
    labels      jsonb        NOT NULL
);

CREATE TABLE taxonomy_term (
    taxonomy    varchar(30)  NOT NULL,
    code        varchar(64)  NOT NULL,
    parent_code varchar(64),
    labels      jsonb        NOT NULL,
    PRIMARY KEY (taxonomy, code)
);

ALTER TABLE organization
    ADD COLUMN alternate_names        text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN description            text,
    ADD COLUMN website                varchar(500),
    ADD COLUMN tax_id                 varchar(50),
    ADD COLUMN phones                 jsonb        NOT NULL DEFAULT '[]',
    ADD COLUMN parent_organization_id uuid REFERENCES organization (id),
    ADD COLUMN locations              jsonb        NOT NULL DEFAULT '[]',
    ADD COLUMN active                 boolean      NOT NULL DEFAULT true,
    ADD COLUMN deactivated_at         timestamptz,
    ADD COLUMN search_document        text         NOT NULL DEFAULT '',
    ADD COLUMN search_vector          tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_document)) STORED;
CREATE UNIQUE INDEX organization_tax_id_idx ON organization (tax_id) WHERE tax_id IS NOT NULL;
CREATE INDEX organization_search_idx ON organization USING gin (search_vector);
CREATE INDEX organization_updated_idx ON organization (updated_at);

ALTER TABLE human_service
    ADD COLUMN target_groups          text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN minimum_age            int,
    ADD COLUMN maximum_age            int,
    ADD COLUMN eligibility            text,
    ADD COLUMN languages              text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN fees                   text,
    ADD COLUMN how_to_apply           text,
    ADD COLUMN free_places            int,
    ADD COLUMN area_codes             text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN covered_municipalities text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN location_ids           uuid[]       NOT NULL DEFAULT '{}',
    ADD COLUMN contacts               jsonb        NOT NULL DEFAULT '[]',
    ADD COLUMN withdrawn_at           timestamptz,
    ADD COLUMN search_document        text         NOT NULL DEFAULT '',
    ADD COLUMN search_vector          tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_document)) STORED;
CREATE INDEX human_service_search_idx ON human_service USING gin (search_vector);
CREATE INDEX human_service_support_types_idx ON human_service USING gin (support_types);
CREATE INDEX human_service_covered_idx ON human_service USING gin (covered_municipalities);
CREATE INDEX human_service_target_groups_idx ON human_service USING gin (target_groups);
CREATE INDEX human_service_updated_idx ON human_service (updated_at);

-- Networks (an informal network, a municipality's working group for child safety) and their members.
CREATE TABLE network (
    id                          uuid PRIMARY KEY,
    name                        varchar(300) NOT NULL,
    kind                        varchar(30)  NOT NULL,
    description                 text,
    municipality_code           varchar(10),
    coordinating_organization_id uuid        REFERENCES organization (id),
    created_at                  timestamptz  NOT NULL,
    version                     bigint       NOT NULL
);

CREATE TABLE network_member (
    network_id      uuid        NOT NULL REFERENCES network (id),
    organization_id uuid        NOT NULL REFERENCES organization (id),
    joined_on       date        NOT NULL,
    PRIMARY KEY (network_id, organization_id)
);
CREATE INDEX network_member_organization_idx ON network_member (organization_id);

-- Memoranda of cooperation, bilateral or multilateral, with their signatories.
CREATE TABLE memorandum (
    id          uuid PRIMARY KEY,
    title       varchar(300) NOT NULL,
    subject     text,
    kind        varchar(20)  NOT NULL,
    network_id  uuid         REFERENCES network (id),
    signed_on   date,
    valid_until date,
    status      varchar(20)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);

CREATE TABLE memorandum_signatory (
    memorandum_id   uuid NOT NULL REFERENCES memorandum (id),
    organization_id uuid NOT NULL REFERENCES organization (id),
    PRIMARY KEY (memorandum_id, organization_id)
);
CREATE INDEX memorandum_signatory_organization_idx ON memorandum_signatory (organization_id);
