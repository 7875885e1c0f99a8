package ba.refnet.reporting.service;

import ba.refnet.reporting.domain.Cells;
import ba.refnet.reporting.domain.Durations;
import ba.refnet.reporting.domain.PartialMonths;
import ba.refnet.reporting.domain.PeriodSpans;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.ReportPeriod;
import ba.refnet.reporting.domain.SmallCells;
import ba.refnet.reporting.domain.StepCounts;
import ba.refnet.reporting.domain.SupportTypeFunnel;
import ba.refnet.reporting.domain.WaitingTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Referral figures from the projection, for referrals requested in the period. A referral for two support types
 * counts under each type; the totals count it once.
 */
@ApplicationScoped
public class ReferralReports {

    private static final String STEP_COUNTS = """
            count(*), count(accepted_at), count(rejected_at), count(cancelled_at), count(started_at),
            count(completed_at), count(failed_at), count(redirected_at)""";

    private static final String HOURS_TO = "EXTRACT(EPOCH FROM (%s - requested_at)) / 3600.0";

    @Inject
    EntityManager em;

    @Inject
    Suppression suppression;

    public record Funnel(ReportPeriod period, StepCounts totals, Map<String, Long> rejectedByReason,
            Map<String, Long> failedByReason, Map<String, Long> completedByNeedMet, Durations timeToAcceptance,
            Durations timeToCompletion, List<SupportTypeFunnel> bySupportType, int suppressionThreshold) {
    }

    /** Only the filters given become conditions, so that PostgreSQL can use the indexes they need. */
    private static SqlConditions conditions(ReportFilter filter) {
        SqlConditions where = new SqlConditions()
                .add("r.requested_at >= :start AND r.requested_at < :end")
                .bind("start", Timestamp.from(filter.period().start()))
                .bind("end", Timestamp.from(filter.period().end()));
        if (filter.supportTypes() != null) {
            where.add("r.support_types && CAST(:types AS text[])")
                    .bind("types", filter.supportTypes().toArray(new String[0]));
        }
        if (filter.vulnerability() != null) {
            where.add("r.case_id IN (SELECT c.case_id FROM case_fact c WHERE :vulnerability = ANY(c.vulnerabilities))")
                    .bind("vulnerability", filter.vulnerability());
        }
        return where.organization("r", filter.organizationId()).network("r", filter.networkId())
                .municipalities("r", filter.municipalities());
    }

    /** Steps, reasons and waiting times before small cells are withheld. */
    private record Counted(StepCounts totals, List<SupportTypeFunnel> byType, List<Object[]> reasons,
            Double acceptanceMedian, Double acceptanceP90, Double completionMedian, Double completionP90) {
    }

    @Transactional
    public Funnel funnel(ReportFilter filter) {
        CustomPlans.forThisTransaction(em);
        Counted counted = Cells.forReferrals(filter).map(cells -> fromAggregates(filter, cells))
                .orElseGet(() -> fromFacts(filter));
        SmallCells cells = suppression.cells();
        StepCounts totals = counted.totals();
        return new Funnel(filter.period(), totals.published(cells),
                withheld(cells, breakdown(counted.reasons(), "rejected"), totals.rejected()),
                withheld(cells, breakdown(counted.reasons(), "failed"), totals.failed()),
                withheld(cells, breakdown(counted.reasons(), "completed"), totals.completed()),
                durations(counted.acceptanceMedian(), counted.acceptanceP90(), totals.accepted(), cells),
                durations(counted.completionMedian(), counted.completionP90(), totals.completed(), cells),
                counted.byType().stream().map(t -> new SupportTypeFunnel(t.supportType(),
                        t.counts().published(cells))).toList(),
                cells.threshold());
    }

    /** Steps and waiting times in one pass over the referrals; the support types and the reasons in one more each. */
    private Counted fromFacts(ReportFilter filter) {
        SqlConditions where = conditions(filter);
        String accepted = HOURS_TO.formatted("accepted_at");
        String completed = HOURS_TO.formatted("completed_at");
        Object[] row = (Object[]) where.bind(em.createNativeQuery("SELECT " + STEP_COUNTS + ", "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + accepted + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + accepted + "), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + completed + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + completed + ") "
                + "FROM referral_fact r WHERE " + where)).getSingleResult();
        String typeFilter = filter.supportTypes() == null ? "" : " AND st = ANY(CAST(:types AS text[]))";
        @SuppressWarnings("unchecked")
        List<Object[]> byType = where.bind(em.createNativeQuery("SELECT st, " + STEP_COUNTS
                + " FROM referral_fact r CROSS JOIN unnest(r.support_types) AS st WHERE " + where + typeFilter
                + " GROUP BY st ORDER BY st")).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> reasons = where.bind(em.createNativeQuery(
                reasons("rejected", "rejection_reason", "rejected_at", where) + " UNION ALL "
                        + reasons("failed", "failure_reason", "failed_at", where) + " UNION ALL "
                        + reasons("completed", "need_met", "completed_at", where))).getResultList();
        return new Counted(counts(row, 0), byType.stream().map(r -> new SupportTypeFunnel((String) r[0],
                counts(r, 1))).toList(), reasons, hours(row[8]), hours(row[9]), hours(row[10]), hours(row[11]));
    }

    /** The same figures from the daily aggregates: a few hundred rows for a year, whatever the number of referrals. */
    private Counted fromAggregates(ReportFilter filter, Cells cells) {
        String[] typesRead = cells.supportTypesRead(filter);
        String types = typesRead == null ? "" : " AND support_type = ANY(CAST(:types AS text[]))";
        Query steps = em.createNativeQuery("SELECT support_type, sum(requested), sum(accepted), sum(rejected), "
                + "sum(cancelled), sum(started), sum(completed), sum(failed), sum(redirected) FROM referral_day "
                + "WHERE slice = :slice AND key = ANY(CAST(:keys AS text[])) AND day BETWEEN :from AND :to" + types
                + " GROUP BY support_type HAVING sum(requested) > 0 ORDER BY support_type");
        if (typesRead != null) {
            steps.setParameter("types", typesRead);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = cellParameters(steps, filter, cells).getResultList();
        StepCounts totals = new StepCounts(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        List<SupportTypeFunnel> byType = new ArrayList<>();
        for (Object[] r : rows) {
            String type = (String) r[0];
            if (type.equals(cells.supportType())) {
                totals = counts(r, 1);
            }
            if (cells.inBreakdown(type)) {
                byType.add(new SupportTypeFunnel(type, counts(r, 1)));
            }
        }
        Query reasons = em.createNativeQuery("SELECT step, code, sum(referrals) FROM referral_day_reason "
                + "WHERE slice = :slice AND key = ANY(CAST(:keys AS text[])) AND support_type = :type "
                + "AND day BETWEEN :from AND :to GROUP BY step, code HAVING sum(referrals) > 0");
        @SuppressWarnings("unchecked")
        List<Object[]> reasonRows = cellParameters(reasons, filter, cells).setParameter("type", cells.supportType())
                .getResultList();
        Map<String, WaitingTimes> waits = waitingTimes(filter, cells);
        WaitingTimes acceptance = waits.get("accepted");
        WaitingTimes completion = waits.get("completed");
        return new Counted(totals, byType, reasonRows, acceptance.percentileHours(0.5),
                acceptance.percentileHours(0.9), completion.percentileHours(0.5), completion.percentileHours(0.9));
    }

    /**
     * The histograms of the period's whole months, added up per step; its odd days from the daily histograms of the
     * whole network or a network. An organisation or places keep histograms per month only: a month the period
     * covers in part is read as {@link PartialMonths} plans it, from the facts of the fewest days, which their
     * indexes find.
     */
    private Map<String, WaitingTimes> waitingTimes(ReportFilter filter, Cells cells) {
        List<String> months = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (PeriodSpans.Span span : PeriodSpans.cover(filter.period())) {
            switch (span.kind()) {
                case YEAR -> span.starts().datesUntil(span.starts().plusYears(1), Period.ofMonths(1))
                        .forEach(month -> months.add(month.toString()));
                case MONTH -> months.add(span.starts().toString());
                default -> days.add(span.starts());
            }
        }
        boolean dailyHistograms = cells.slice().equals("a") || cells.slice().equals("n");
        PartialMonths.Plan partial = dailyHistograms ? new PartialMonths.Plan(List.of(), List.of(), List.of())
                : PartialMonths.plan(days, referralsPerDay(cells, PartialMonths.months(days)));
        partial.wholeMonths().forEach(month -> months.add(month.toString()));
        Query query = em.createNativeQuery("SELECT step, bucket, sum(referrals), sum(seconds) FROM referral_wait "
                + "WHERE slice = :slice AND key = ANY(CAST(:keys AS text[])) AND support_type = :type "
                + "AND ((span = 'm' AND starts = ANY(CAST(:months AS date[])))"
                + (dailyHistograms ? " OR (span = 'd' AND starts = ANY(CAST(:days AS date[])))" : "")
                + ") GROUP BY step, bucket")
                .setParameter("slice", cells.slice()).setParameter("keys", cells.keyArray())
                .setParameter("type", cells.supportType()).setParameter("months", months.toArray(new String[0]));
        if (dailyHistograms) {
            query.setParameter("days", days.stream().map(LocalDate::toString).toArray(String[]::new));
        }
        Map<String, WaitingTimes> waits = Map.of("accepted", new WaitingTimes(), "completed", new WaitingTimes());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = new ArrayList<>(query.getResultList());
        rows.addAll(oddDays(filter, cells, partial.addedDays()));
        rows.forEach(r -> waits.get((String) r[0]).add(((Number) r[1]).intValue(), SqlConditions.number(r[2]),
                SqlConditions.number(r[3])));
        oddDays(filter, cells, partial.subtractedDays()).forEach(r -> waits.get((String) r[0]).remove(
                ((Number) r[1]).intValue(), SqlConditions.number(r[2]), SqlConditions.number(r[3])));
        return waits;
    }

    /** The slice's referrals requested per day in these months, from the daily funnel (days without any left out). */
    private Map<LocalDate, Long> referralsPerDay(Cells cells, List<LocalDate> months) {
        if (months.isEmpty()) {
            return Map.of();
        }
        SqlConditions where = new SqlConditions().add("slice = :slice AND key = ANY(CAST(:keys AS text[])) "
                + "AND support_type = :type").bind("slice", cells.slice()).bind("keys", cells.keyArray())
                .bind("type", cells.supportType());
        List<String> ranges = new ArrayList<>();
        for (LocalDate month : months) {
            int n = ranges.size();
            ranges.add("(day >= :start" + n + " AND day < :end" + n + ")");
            where.bind("start" + n, Date.valueOf(month)).bind("end" + n, Date.valueOf(month.plusMonths(1)));
        }
        where.add("(" + String.join(" OR ", ranges) + ")");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery("SELECT day, sum(requested) FROM referral_day WHERE "
                + where + " GROUP BY day HAVING sum(requested) <> 0")).getResultList();
        Map<LocalDate, Long> perDay = new TreeMap<>();
        rows.forEach(r -> perDay.put(r[0] instanceof LocalDate d ? d : ((Date) r[0]).toLocalDate(),
                SqlConditions.number(r[1])));
        return perDay;
    }

    /** The histograms of a slice's referrals on these days, from the facts (bucketed as the aggregates are). */
    private List<Object[]> oddDays(ReportFilter filter, Cells cells, List<LocalDate> days) {
        if (days.isEmpty()) {
            return new ArrayList<>();
        }
        String slice = switch (cells.slice()) {
            case "o" -> "(r.sending_organization_id = ANY(CAST(:keys AS uuid[])) "
                    + "OR r.receiving_organization_id = ANY(CAST(:keys AS uuid[])))";
            case "m" -> "r.municipality_code = ANY(CAST(:keys AS text[]))";
            default -> throw new IllegalArgumentException("no facts condition for slice " + cells.slice());
        };
        SqlConditions where = new SqlConditions().add(slice).bind("keys", cells.keyArray());
        if (filter.supportTypes() != null) {
            where.add("r.support_types && CAST(:types AS text[])")
                    .bind("types", filter.supportTypes().toArray(new String[0]));
        }
        List<String> ranges = new ArrayList<>();
        for (ReportPeriod run : PeriodSpans.runs(days)) {
            int n = ranges.size();
            ranges.add("(r.requested_at >= :start" + n + " AND r.requested_at < :end" + n + ")");
            where.bind("start" + n, Timestamp.from(run.start())).bind("end" + n, Timestamp.from(run.end()));
        }
        where.add("(" + String.join(" OR ", ranges) + ")");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery("""
                SELECT x.step, wait_bucket(x.seconds), count(*), sum(x.seconds)
                FROM referral_fact r
                CROSS JOIN LATERAL (VALUES ('accepted', seconds_between(r.requested_at, r.accepted_at)),
                                           ('completed', seconds_between(r.requested_at, r.completed_at)))
                                   AS x(step, seconds)
                WHERE x.seconds IS NOT NULL AND """ + " " + where + " GROUP BY 1, 2")).getResultList();
        return rows;
    }

    private static Query cellParameters(Query query, ReportFilter filter, Cells cells) {
        return query.setParameter("slice", cells.slice()).setParameter("keys", cells.keyArray())
                .setParameter("from", Date.valueOf(filter.period().from()))
                .setParameter("to", Date.valueOf(filter.period().to()));
    }

    /** Reasons add up to their step: withheld together so that subtraction reveals nothing. */
    private static Map<String, Long> withheld(SmallCells cells, Map<String, Long> breakdown, long total) {
        return cells.group(breakdown, total).cells();
    }

    private static String reasons(String step, String codeColumn, String stepColumn, SqlConditions where) {
        return "SELECT '" + step + "', COALESCE(r." + codeColumn + ", 'unknown'), count(*) FROM referral_fact r WHERE r."
                + stepColumn + " IS NOT NULL AND " + where + " GROUP BY 2";
    }

    /** The reasons of one step, in code order. */
    private static Map<String, Long> breakdown(List<Object[]> rows, String step) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] r : rows) {
            if (step.equals(r[0])) {
                counts.merge((String) r[1], ((Number) r[2]).longValue(), Long::sum);
            }
        }
        return new LinkedHashMap<>(counts);
    }

    /** Waiting times over fewer referrals than the threshold are withheld too: a median of two is two people. */
    private static Durations durations(Double median, Double p90, long referrals, SmallCells cells) {
        return cells.hidden(referrals) ? new Durations(null, null, null)
                : new Durations(rounded(median), rounded(p90), referrals);
    }

    private static Double hours(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static StepCounts counts(Object[] row, int from) {
        long[] n = new long[8];
        for (int i = 0; i < n.length; i++) {
            n[i] = ((Number) row[from + i]).longValue();
        }
        return new StepCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }
}
