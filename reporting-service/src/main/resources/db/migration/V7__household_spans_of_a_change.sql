-- A household's contribution is kept per calendar year, quarter and month. A change of referrals moves it only in
-- the spans holding the day those referrals were accepted, before or after the change, so that is all a change
-- needs to remember and replace: a household reached in March and again today keeps its March cells untouched.
-- The projections pass those days; NULL (a change of the household itself, or of a network) means every span.

-- The spans holding any of these days, as span code and first day ('m2026-11-01').
CREATE FUNCTION spans_of(days date[]) RETURNS text[] IMMUTABLE LANGUAGE sql AS $$
    SELECT ARRAY(SELECT DISTINCT s.span || s.starts
                 FROM unnest(days) AS d
                 CROSS JOIN LATERAL (VALUES ('y', date_trunc('year', d::timestamp)::date),
                                            ('q', date_trunc('quarter', d::timestamp)::date),
                                            ('m', date_trunc('month', d::timestamp)::date)) AS s(span, starts))
$$;

CREATE FUNCTION add_contributions(sign int, referral_ids uuid[], case_ids uuid[], days date[]) RETURNS void
LANGUAGE plpgsql AS $$
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

-- Every span: what the functions without days did.
CREATE OR REPLACE FUNCTION add_contributions(sign int, referral_ids uuid[], case_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    SELECT add_contributions(sign, referral_ids, case_ids, NULL)
$$;

CREATE FUNCTION remember_contributions(referral_ids uuid[], case_ids uuid[], days date[]) RETURNS void
LANGUAGE sql AS $$
    SELECT add_contributions(-1, referral_ids, case_ids, days)
$$;

-- As in V5, with the days of the change.
CREATE FUNCTION apply_contribution_changes(referral_ids uuid[], case_ids uuid[], days date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_contributions(1, referral_ids, case_ids, days);

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

CREATE OR REPLACE FUNCTION apply_contribution_changes(referral_ids uuid[], case_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    SELECT apply_contribution_changes(referral_ids, case_ids, NULL)
$$;
