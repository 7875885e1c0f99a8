-- Aggregates kept by the projections, so that reports over a year of a whole network read a few hundred rows
-- instead of a million facts. Each aggregate is the sum of what every fact contributes to it: the two views below
-- say what one referral and one household contribute, and the projections keep the sums current by subtracting a
-- fact's contribution before they change it and adding it back after (apply_*_contributions). The same views fill
-- the tables from scratch, so the sums are by construction what the facts give.

-- A waiting time in minutes, kept to three significant digits (exact up to 999 minutes, then within 0.5 %), so that
-- a histogram of a day, month or year stays small whatever the spread of the times.
CREATE FUNCTION minutes_bucket(minutes numeric) RETURNS int IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE WHEN minutes IS NULL THEN NULL
                WHEN abs(minutes) < 1000 THEN round(minutes)::int
                ELSE round(minutes, 3 - length(floor(abs(minutes))::bigint::text))::int END
$$;

-- What one referral adds to the funnel: a cell per slice (the whole network 'a', an organisation that sent or
-- received it 'o', the organisation that received it 'r', its municipality 'm'), once for the referral ('' type)
-- and once per support type, on the day it was requested (Sarajevo time, the reports' days).
CREATE VIEW referral_contribution AS
SELECT r.referral_id,
       (r.requested_at AT TIME ZONE 'Europe/Sarajevo')::date AS day,
       s.slice, s.key, t.support_type,
       (r.accepted_at IS NOT NULL)::int   AS accepted,
       (r.rejected_at IS NOT NULL)::int   AS rejected,
       (r.cancelled_at IS NOT NULL)::int  AS cancelled,
       (r.started_at IS NOT NULL)::int    AS started,
       (r.completed_at IS NOT NULL)::int  AS completed,
       (r.failed_at IS NOT NULL)::int     AS failed,
       (r.redirected_at IS NOT NULL)::int AS redirected,
       (r.overdue_at IS NOT NULL)::int    AS overdue,
       (r.escalated_at IS NOT NULL)::int  AS escalated,
       CASE WHEN r.rejected_at IS NOT NULL THEN COALESCE(r.rejection_reason, 'unknown') END AS rejection_reason,
       CASE WHEN r.failed_at IS NOT NULL THEN COALESCE(r.failure_reason, 'unknown') END AS failure_reason,
       CASE WHEN r.completed_at IS NOT NULL THEN COALESCE(r.need_met, 'unknown') END AS need_met,
       minutes_bucket(EXTRACT(EPOCH FROM (r.accepted_at - r.requested_at)) / 60) AS minutes_to_acceptance,
       minutes_bucket(EXTRACT(EPOCH FROM (r.completed_at - r.requested_at)) / 60) AS minutes_to_completion
FROM referral_fact r
CROSS JOIN LATERAL (VALUES ('a', ''),
                           ('o', r.sending_organization_id::text),
                           ('o', NULLIF(r.receiving_organization_id, r.sending_organization_id)::text),
                           ('r', r.receiving_organization_id::text),
                           ('m', r.municipality_code::text)) AS s(slice, key)
CROSS JOIN LATERAL (SELECT '' UNION SELECT unnest(r.support_types)) AS t(support_type)
WHERE s.key IS NOT NULL;

-- The funnel's steps per cell and day.
CREATE TABLE referral_day (
    slice        char(1) NOT NULL,
    key          text    NOT NULL,
    support_type text    NOT NULL,
    day          date    NOT NULL,
    requested    int     NOT NULL,
    accepted     int     NOT NULL,
    rejected     int     NOT NULL,
    cancelled    int     NOT NULL,
    started      int     NOT NULL,
    completed    int     NOT NULL,
    failed       int     NOT NULL,
    redirected   int     NOT NULL,
    overdue      int     NOT NULL,
    escalated    int     NOT NULL,
    PRIMARY KEY (slice, key, support_type, day)
);

-- Rejections and failures by reason, completions by need met, per cell and day.
CREATE TABLE referral_day_reason (
    slice        char(1)     NOT NULL,
    key          text        NOT NULL,
    support_type text        NOT NULL,
    day          date        NOT NULL,
    step         varchar(10) NOT NULL,
    code         varchar(64) NOT NULL,
    referrals    int         NOT NULL,
    PRIMARY KEY (slice, key, support_type, day, step, code)
);

-- Histograms of the minutes to acceptance and to completion, per cell and per day, month ('m') and year ('y'):
-- a period reads whole years and months and only its odd days, so a year-to-date median reads a few histograms.
CREATE TABLE referral_wait (
    slice        char(1)     NOT NULL,
    key          text        NOT NULL,
    support_type text        NOT NULL,
    span         char(1)     NOT NULL,
    starts       date        NOT NULL,
    step         varchar(10) NOT NULL,
    minutes      int         NOT NULL,
    referrals    int         NOT NULL,
    PRIMARY KEY (slice, key, support_type, span, starts, step, minutes)
);

CREATE FUNCTION apply_referral_contributions(direction int, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO referral_day AS d
    SELECT slice, key, support_type, day, direction * count(*), direction * sum(accepted), direction * sum(rejected),
           direction * sum(cancelled), direction * sum(started), direction * sum(completed), direction * sum(failed),
           direction * sum(redirected), direction * sum(overdue), direction * sum(escalated)
    FROM referral_contribution WHERE referral_id = ANY(ids)
    GROUP BY slice, key, support_type, day
    ON CONFLICT (slice, key, support_type, day) DO UPDATE SET
        requested = d.requested + EXCLUDED.requested, accepted = d.accepted + EXCLUDED.accepted,
        rejected = d.rejected + EXCLUDED.rejected, cancelled = d.cancelled + EXCLUDED.cancelled,
        started = d.started + EXCLUDED.started, completed = d.completed + EXCLUDED.completed,
        failed = d.failed + EXCLUDED.failed, redirected = d.redirected + EXCLUDED.redirected,
        overdue = d.overdue + EXCLUDED.overdue, escalated = d.escalated + EXCLUDED.escalated;

    INSERT INTO referral_day_reason AS d
    SELECT c.slice, c.key, c.support_type, c.day, x.step, x.code, direction * count(*)
    FROM referral_contribution c
    CROSS JOIN LATERAL (VALUES ('rejected', c.rejection_reason), ('failed', c.failure_reason),
                               ('completed', c.need_met)) AS x(step, code)
    WHERE c.referral_id = ANY(ids) AND x.code IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (slice, key, support_type, day, step, code) DO UPDATE SET referrals = d.referrals + EXCLUDED.referrals;

    INSERT INTO referral_wait AS w
    SELECT c.slice, c.key, c.support_type, p.span, p.starts, x.step, x.minutes, direction * count(*)
    FROM referral_contribution c
    CROSS JOIN LATERAL (VALUES ('d', c.day), ('m', date_trunc('month', c.day)::date),
                               ('y', date_trunc('year', c.day)::date)) AS p(span, starts)
    CROSS JOIN LATERAL (VALUES ('accepted', c.minutes_to_acceptance),
                               ('completed', c.minutes_to_completion)) AS x(step, minutes)
    WHERE c.referral_id = ANY(ids) AND x.minutes IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (slice, key, support_type, span, starts, step, minutes)
        DO UPDATE SET referrals = w.referrals + EXCLUDED.referrals;
END
$$;

-- What one household adds to the beneficiary figures: per calendar year, quarter and month in which one of its
-- referrals was accepted, per slice (the whole network 'a', an organisation that sent or received the referral 'o',
-- a network its receiver belongs to 'n', the household's municipality 'm', each of its vulnerability categories
-- 'v'), in the total ('' type) and per support type: the first day within that span it was reached there. Grouping
-- makes it once per cell however many referrals lead there ("counted once"), and the first day answers periods
-- that run from the start of a span to any day in it (the year to date, the month to date) by a sum.
CREATE VIEW household_contribution AS
SELECT a.case_id, p.span, p.starts, s.slice, s.key, t.support_type, min(a.day) AS first_day
FROM (SELECT r.case_id, (r.accepted_at AT TIME ZONE 'Europe/Sarajevo')::date AS day, r.support_types,
             r.sending_organization_id AS sender, r.receiving_organization_id AS receiver
      FROM referral_fact r WHERE r.accepted_at IS NOT NULL AND r.case_id IS NOT NULL) a
JOIN case_fact c ON c.case_id = a.case_id
CROSS JOIN LATERAL (VALUES ('y', date_trunc('year', a.day)::date), ('q', date_trunc('quarter', a.day)::date),
                           ('m', date_trunc('month', a.day)::date)) AS p(span, starts)
CROSS JOIN LATERAL (SELECT 'a', '' UNION ALL SELECT 'o', a.sender::text UNION ALL SELECT 'o', a.receiver::text
                    UNION ALL SELECT 'n', n.network_id::text FROM network_member_fact n
                              WHERE n.organization_id = a.receiver
                    UNION ALL SELECT 'm', c.municipality_code::text WHERE c.municipality_code IS NOT NULL
                    UNION ALL SELECT 'v', v FROM unnest(c.vulnerabilities) AS v) AS s(slice, key)
CROSS JOIN LATERAL (SELECT '' UNION ALL SELECT unnest(a.support_types)) AS t(support_type)
GROUP BY a.case_id, p.span, p.starts, s.slice, s.key, t.support_type;

-- Households first reached on a day of a span, and their people by age group, per cell.
CREATE TABLE household_figures (
    span         char(1) NOT NULL,
    starts       date    NOT NULL,
    slice        char(1) NOT NULL,
    key          text    NOT NULL,
    support_type text    NOT NULL,
    first_day    date    NOT NULL,
    households   int     NOT NULL,
    young        int     NOT NULL,
    adults       int     NOT NULL,
    age_unknown  int     NOT NULL,
    PRIMARY KEY (span, starts, slice, key, support_type, first_day)
);

CREATE FUNCTION apply_household_contributions(direction int, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO household_figures AS f
    SELECT h.span, h.starts, h.slice, h.key, h.support_type, h.first_day, direction * count(*),
           direction * COALESCE(sum(p.young), 0), direction * COALESCE(sum(p.adults), 0),
           direction * COALESCE(sum(p.unknown), 0)
    FROM household_contribution h
    LEFT JOIN (SELECT case_id,
                      count(*) FILTER (WHERE age_band IN ('child', 'youth')) AS young,
                      count(*) FILTER (WHERE age_band = 'adult') AS adults,
                      count(*) FILTER (WHERE age_band NOT IN ('child', 'youth', 'adult')) AS unknown
               FROM case_person WHERE case_id = ANY(ids) GROUP BY case_id) p ON p.case_id = h.case_id
    WHERE h.case_id = ANY(ids)
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (span, starts, slice, key, support_type, first_day) DO UPDATE SET
        households = f.households + EXCLUDED.households, young = f.young + EXCLUDED.young,
        adults = f.adults + EXCLUDED.adults, age_unknown = f.age_unknown + EXCLUDED.age_unknown;
END
$$;

-- The facts already projected (an existing installation) fill the aggregates once.
SELECT apply_referral_contributions(1, ARRAY(SELECT referral_id FROM referral_fact));
SELECT apply_household_contributions(1, ARRAY(SELECT case_id FROM case_fact));
