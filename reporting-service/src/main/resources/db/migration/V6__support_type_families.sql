-- A support type with types below it is a family: "educational" holds school support and preschool education. A
-- report for a family counts a referral or a household once however many of the family's types it has, which the
-- cells of single types cannot tell, so a family gets cells of its own: support type 'family:' and its code. Its
-- members, the type itself and every type below it, come from the taxonomy the service is built with; the service
-- writes them here at start and, when they changed, computes the aggregates afresh (SupportTypeFamiliesAtStart).
-- Family cells are kept for the whole network, networks and places, what annual reports are written for; an
-- organisation's figures for a family come from its facts, which its index finds. Every cell costs the projections
-- a row to keep up, and these three are one in three of a referral's slices.
CREATE TABLE support_type_family (
    support_type text NOT NULL,
    family       text NOT NULL,
    PRIMARY KEY (support_type, family)
);

-- The contributions as before, plus the family cells of a referral's and a household's types.
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
