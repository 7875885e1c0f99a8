-- Chassis tables, present in every service database (Flyway location classpath:db/chassis).

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
CREATE TABLE outbox_event (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid         NOT NULL UNIQUE,          -- the CloudEvents id
    topic        varchar(249) NOT NULL,
    message_key  varchar(200) NOT NULL,                 -- the aggregate id
    event_type   varchar(200) NOT NULL,
    cloud_event  text         NOT NULL,                 -- structured-mode CloudEvent JSON
    created_at   timestamptz  NOT NULL,
    sent_at      timestamptz
);
CREATE INDEX outbox_event_unsent_idx ON outbox_event (seq) WHERE sent_at IS NULL;

-- Idempotent consumers: one row per event a consumer has applied, written with the effect.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(200) NOT NULL,
    event_type   varchar(200) NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
