-- Every step of the loop, for the funnel, reasons and times. Still only ids, codes and timestamps.
ALTER TABLE referral_fact
    ADD COLUMN rejected_at      timestamptz,
    ADD COLUMN rejection_reason varchar(64),
    ADD COLUMN cancelled_at     timestamptz,
    ADD COLUMN started_at       timestamptz,
    ADD COLUMN completed_at     timestamptz,
    ADD COLUMN need_met         varchar(10),
    ADD COLUMN failed_at        timestamptz,
    ADD COLUMN failure_reason   varchar(64),
    ADD COLUMN redirected_at    timestamptz;
