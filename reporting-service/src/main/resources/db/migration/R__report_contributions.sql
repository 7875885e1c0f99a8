-- The views and functions the aggregates are kept by (their tables are in V5 and V6). A repeatable migration:
-- Flyway runs it again whenever it changes, after every versioned migration, so each object is defined here once,
-- as it is now. Every statement replaces what is there; an object whose columns or parameters change is dropped
-- first (DROP ...; CREATE ...), and a versioned migration that alters a column one of these views reads drops the
-- view, which this file then creates again.
--
-- Each aggregate is the sum of what every fact contributes to it: the two contribution views say what one referral
-- and one household contribute. Before a transaction changes facts it remembers the contributions of the referrals
-- and households it touches (remember_contributions), after it adds the difference between their new and old
-- contributions (apply_contribution_changes), only where it is not zero. With nothing remembered the same function
-- fills the tables from scratch, so the sums are by construction what the facts give.
--
-- The slice codes ('a', 'o', 'r', 'n', 'm', 'v') are those of ba.refnet.reporting.domain.Slice; SliceCodesTest
-- fails when the two disagree. A support type with types below it (a family, see V6) has cells of its own,
-- support type 'family:' and its code, in the slices that keep them.

-- Waiting times are kept in buckets about 5 % wide (bucket b holds the minutes m with round(ln(m) * 20) = b),
-- each with its count and the sum of its seconds: a percentile is read from the buckets' means, exact when the
-- times in a bucket are equal, otherwise within the bucket's width. Whole seconds add up exactly, whatever the order.
CREATE OR REPLACE FUNCTION wait_bucket(seconds bigint) RETURNS int IMMUTABLE LANGUAGE sql AS $$
    SELECT round(ln(greatest(seconds::double precision / 60, 1)) * 20)::int
$$;

-- Whole seconds from one instant to another (null when either is missing).
CREATE OR REPLACE FUNCTION seconds_between(earlier timestamptz, later timestamptz) RETURNS bigint IMMUTABLE LANGUAGE sql AS $$
    SELECT round(EXTRACT(EPOCH FROM (later - earlier)))::bigint
$$;

-- What one referral adds to the funnel: a cell per slice (the whole network 'a', an organisation that sent or
-- received it 'o', the organisation that received it 'r', a network that organisation belongs to 'n', its
-- municipality 'm'), once for the referral ('' type) and once per support type, on the day it was requested
-- (Sarajevo time, the reports' days).
CREATE OR REPLACE VIEW referral_contribution AS
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
       seconds_between(r.requested_at, r.accepted_at) AS seconds_to_acceptance,
       seconds_between(r.requested_at, r.completed_at) AS seconds_to_completion
FROM referral_fact r
CROSS JOIN LATERAL (SELECT 'a', '' UNION ALL SELECT 'o', r.sending_organization_id::text
                    UNION ALL SELECT 'o', r.receiving_organization_id::text
                              WHERE r.receiving_organization_id <> r.sending_organization_id
                    UNION ALL SELECT 'r', r.receiving_organization_id::text
                    UNION ALL SELECT 'n', n.network_id::text FROM network_member_fact n
                              WHERE n.organization_id = r.receiving_organization_id
                    UNION ALL SELECT 'm', r.municipality_code::text WHERE r.municipality_code IS NOT NULL)
                   AS s(slice, key)
CROSS JOIN LATERAL (SELECT '' UNION SELECT unnest(r.support_types)
                    UNION SELECT 'family:' || f.family FROM support_type_family f
                          WHERE f.support_type = ANY(r.support_types) AND s.slice IN ('a', 'n', 'm'))
                   AS t(support_type);

-- What one household adds to the beneficiary figures: per calendar year, quarter and month in which one of its
-- referrals was accepted, per slice (the whole network 'a', an organisation that sent or received the referral 'o',
-- a network its receiver belongs to 'n', the household's municipality 'm', each of its vulnerability categories
-- 'v'), in the total ('' type) and per support type: the first day within that span it was reached there. Grouping
-- makes it once per cell however many referrals lead there ("counted once"), and the first day answers periods
-- that run from the start of a span to any day in it (the year to date, the month to date) by a sum.
CREATE OR REPLACE VIEW household_contribution AS
SELECT a.case_id, p.span, p.starts, s.slice, s.key, t.support_type, min(a.day) AS first_day
FROM (SELECT r.case_id, (r.accepted_at AT TIME ZONE 'Europe/Sarajevo')::date AS day, r.support_types,
             r.sending_organization_id AS sender, r.receiving_organization_id AS receiver
      FROM referral_fact r WHERE r.accepted_at IS NOT NULL AND r.case_id IS NOT NULL) a
JOIN case_fact c ON c.case_id = a.case_id
CROSS JOIN LATERAL (VALUES ('y', date_trunc('year', a.day::timestamp)::date),
                           ('q', date_trunc('quarter', a.day::timestamp)::date),
                           ('m', date_trunc('month', a.day::timestamp)::date)) AS p(span, starts)
CROSS JOIN LATERAL (SELECT 'a', '' UNION ALL SELECT 'o', a.sender::text UNION ALL SELECT 'o', a.receiver::text
                    UNION ALL SELECT 'n', n.network_id::text FROM network_member_fact n
                              WHERE n.organization_id = a.receiver
                    UNION ALL SELECT 'm', c.municipality_code::text WHERE c.municipality_code IS NOT NULL
                    UNION ALL SELECT 'v', v FROM unnest(c.vulnerabilities) AS v) AS s(slice, key)
CROSS JOIN LATERAL (SELECT '' UNION ALL SELECT unnest(a.support_types)
                    UNION ALL SELECT 'family:' || f.family FROM support_type_family f
                          WHERE f.support_type = ANY(a.support_types) AND s.slice IN ('a', 'n', 'm'))
                   AS t(support_type)
GROUP BY a.case_id, p.span, p.starts, s.slice, s.key, t.support_type;

-- A household's people by age group, as the case service last described them.
CREATE OR REPLACE VIEW household_people AS
SELECT case_id,
       count(*) FILTER (WHERE age_band IN ('child', 'youth')) AS young,
       count(*) FILTER (WHERE age_band = 'adult') AS adults,
       count(*) FILTER (WHERE age_band NOT IN ('child', 'youth', 'adult')) AS age_unknown
FROM case_person GROUP BY case_id;

-- The contributions a transaction replaces: remembered with sign -1 before its change, added with sign +1 after.
-- Temporary tables of the session, emptied at every commit.
CREATE OR REPLACE FUNCTION contribution_changes() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF to_regclass('pg_temp.referral_change') IS NULL THEN
        CREATE TEMP TABLE referral_change ON COMMIT DELETE ROWS AS
            SELECT 0 AS sign, c.* FROM referral_contribution c WITH NO DATA;
        CREATE TEMP TABLE household_change ON COMMIT DELETE ROWS AS
            SELECT 0 AS sign, h.*, 0::bigint AS young, 0::bigint AS adults, 0::bigint AS age_unknown
            FROM household_contribution h WITH NO DATA;
    END IF;
END
$$;

-- A household's contribution is kept per calendar year, quarter and month. A change of referrals moves it only in
-- the spans holding the day those referrals were accepted, before or after the change, so that is all a change
-- needs to remember and replace: a household reached in March and again today keeps its March cells untouched.
-- The projections pass those days; NULL (a change of the household itself, or of a network) means every span.

-- The spans holding any of these days, as span code and first day ('m2026-11-01').
CREATE OR REPLACE FUNCTION spans_of(days date[]) RETURNS text[] IMMUTABLE LANGUAGE sql AS $$
    SELECT ARRAY(SELECT DISTINCT s.span || s.starts
                 FROM unnest(days) AS d
                 CROSS JOIN LATERAL (VALUES ('y', date_trunc('year', d::timestamp)::date),
                                            ('q', date_trunc('quarter', d::timestamp)::date),
                                            ('m', date_trunc('month', d::timestamp)::date)) AS s(span, starts))
$$;

-- Its two statements read the contribution views, which take PostgreSQL about 2 ms to plan. It chose a plan made
-- for each call's ids, so planning was most of the function's time; the generic plan is made once per session (a
-- call for 14 requested referrals: 1.20 to 0.47 ms; their whole projection 7.6 to 5.5 ms), and rebuilding the
-- reports from 600,000 referrals takes as long as before (about 60 s). A generic plan is costed for any number of
-- ids, above the threshold where a server built with JIT (as CloudNativePG's images are) compiles it, on every call:
-- no JIT.
CREATE OR REPLACE FUNCTION add_contributions(sign int, referral_ids uuid[], case_ids uuid[], days date[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET jit = off AS $$
DECLARE
    spans text[] := CASE WHEN days IS NOT NULL THEN spans_of(days) END;
BEGIN
    PERFORM contribution_changes();
    INSERT INTO referral_change SELECT sign, c.* FROM referral_contribution c WHERE c.referral_id = ANY(referral_ids);
    INSERT INTO household_change
    SELECT sign, h.*, COALESCE(p.young, 0), COALESCE(p.adults, 0), COALESCE(p.age_unknown, 0)
    FROM household_contribution h
    LEFT JOIN household_people p ON p.case_id = h.case_id AND p.case_id = ANY(case_ids)
    WHERE h.case_id = ANY(case_ids) AND (spans IS NULL OR h.span || h.starts = ANY(spans));
END
$$;

-- Every span: a change of households themselves, or of a network.
CREATE OR REPLACE FUNCTION add_contributions(sign int, referral_ids uuid[], case_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    SELECT add_contributions(sign, referral_ids, case_ids, NULL)
$$;

CREATE OR REPLACE FUNCTION remember_contributions(referral_ids uuid[], case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
    SELECT add_contributions(-1, referral_ids, case_ids)
$$;

CREATE OR REPLACE FUNCTION remember_contributions(referral_ids uuid[], case_ids uuid[], days date[]) RETURNS void
LANGUAGE sql AS $$
    SELECT add_contributions(-1, referral_ids, case_ids, days)
$$;

CREATE OR REPLACE FUNCTION apply_contribution_changes(referral_ids uuid[], case_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_contributions(1, referral_ids, case_ids);

    INSERT INTO referral_day AS d
    SELECT slice, key, support_type, day, sum(sign), sum(sign * accepted), sum(sign * rejected),
           sum(sign * cancelled), sum(sign * started), sum(sign * completed), sum(sign * failed),
           sum(sign * redirected), sum(sign * overdue), sum(sign * escalated)
    FROM referral_change
    GROUP BY slice, key, support_type, day
    HAVING sum(sign) <> 0 OR sum(sign * accepted) <> 0 OR sum(sign * rejected) <> 0 OR sum(sign * cancelled) <> 0
        OR sum(sign * started) <> 0 OR sum(sign * completed) <> 0 OR sum(sign * failed) <> 0
        OR sum(sign * redirected) <> 0 OR sum(sign * overdue) <> 0 OR sum(sign * escalated) <> 0
    ON CONFLICT (slice, key, support_type, day) DO UPDATE SET
        requested = d.requested + EXCLUDED.requested, accepted = d.accepted + EXCLUDED.accepted,
        rejected = d.rejected + EXCLUDED.rejected, cancelled = d.cancelled + EXCLUDED.cancelled,
        started = d.started + EXCLUDED.started, completed = d.completed + EXCLUDED.completed,
        failed = d.failed + EXCLUDED.failed, redirected = d.redirected + EXCLUDED.redirected,
        overdue = d.overdue + EXCLUDED.overdue, escalated = d.escalated + EXCLUDED.escalated;

    INSERT INTO referral_day_reason AS d
    SELECT c.slice, c.key, c.support_type, c.day, x.step, x.code, sum(c.sign)
    FROM referral_change c
    CROSS JOIN LATERAL (VALUES ('rejected', c.rejection_reason), ('failed', c.failure_reason),
                               ('completed', c.need_met)) AS x(step, code)
    WHERE x.code IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(c.sign) <> 0
    ON CONFLICT (slice, key, support_type, day, step, code) DO UPDATE SET referrals = d.referrals + EXCLUDED.referrals;

    INSERT INTO referral_wait AS w
    SELECT c.slice, c.key, c.support_type, p.span, p.starts, x.step, wait_bucket(x.seconds), sum(c.sign),
           sum(c.sign * x.seconds)
    FROM referral_change c
    CROSS JOIN LATERAL (VALUES ('m', date_trunc('month', c.day::timestamp)::date),
                               ('d', CASE WHEN c.slice IN ('a', 'n') THEN c.day END)) AS p(span, starts)
    CROSS JOIN LATERAL (VALUES ('accepted', c.seconds_to_acceptance),
                               ('completed', c.seconds_to_completion)) AS x(step, seconds)
    WHERE x.seconds IS NOT NULL AND p.starts IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(c.sign) <> 0 OR sum(c.sign * x.seconds) <> 0
    ON CONFLICT (slice, key, support_type, span, starts, step, bucket) DO UPDATE SET
        referrals = w.referrals + EXCLUDED.referrals, seconds = w.seconds + EXCLUDED.seconds;

    INSERT INTO household_figures AS f
    SELECT span, starts, slice, key, support_type, first_day, sum(sign), sum(sign * young), sum(sign * adults),
           sum(sign * age_unknown)
    FROM household_change
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(sign) <> 0 OR sum(sign * young) <> 0 OR sum(sign * adults) <> 0 OR sum(sign * age_unknown) <> 0
    ON CONFLICT (span, starts, slice, key, support_type, first_day) DO UPDATE SET
        households = f.households + EXCLUDED.households, young = f.young + EXCLUDED.young,
        adults = f.adults + EXCLUDED.adults, age_unknown = f.age_unknown + EXCLUDED.age_unknown;

    DELETE FROM referral_change;
    DELETE FROM household_change;
END
$$;

-- The function without days upserts whatever the change tables hold: with nothing more to add, it finishes this one.
CREATE OR REPLACE FUNCTION apply_contribution_changes(referral_ids uuid[], case_ids uuid[], days date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_contributions(1, referral_ids, case_ids, days);
    PERFORM apply_contribution_changes(ARRAY[]::uuid[], ARRAY[]::uuid[]);
END
$$;
