-- Webhook subscriptions of partner systems that cannot read Kafka, and the log of every delivery attempt.
CREATE TABLE webhook_subscription (
    id              uuid PRIMARY KEY,
    organization_id uuid          NOT NULL,
    url             varchar(2000) NOT NULL,
    secret          varchar(200)  NOT NULL,
    event_types     text[]        NOT NULL,
    active          boolean       NOT NULL,
    created_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL
);
CREATE INDEX webhook_subscription_organization_idx ON webhook_subscription (organization_id) WHERE active;

CREATE TABLE webhook_delivery (
    id               uuid PRIMARY KEY,
    subscription_id  uuid         NOT NULL REFERENCES webhook_subscription (id),
    event_id         varchar(200) NOT NULL,
    event_type       varchar(200) NOT NULL,
    referral_id      uuid         NOT NULL,
    payload          text         NOT NULL,
    status           varchar(20)  NOT NULL,
    attempts         int          NOT NULL,
    next_attempt_at  timestamptz  NOT NULL,
    last_status_code int,
    last_error       varchar(500),
    created_at       timestamptz  NOT NULL,
    delivered_at     timestamptz,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
