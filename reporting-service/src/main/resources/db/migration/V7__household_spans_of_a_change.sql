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

-- V5's function without days upserts whatever the change tables hold: with nothing more to add, it finishes this one.
CREATE FUNCTION apply_contribution_changes(referral_ids uuid[], case_ids uuid[], days date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_contributions(1, referral_ids, case_ids, days);
    PERFORM apply_contribution_changes(ARRAY[]::uuid[], ARRAY[]::uuid[]);
END
$$;
