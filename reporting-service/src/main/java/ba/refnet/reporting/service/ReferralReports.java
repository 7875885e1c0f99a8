package ba.refnet.reporting.service;

import ba.refnet.chassis.persistence.NativeRows;
import ba.refnet.chassis.persistence.QueryConditions;
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
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private static QueryConditions conditions(ReportFilter filter) {
        QueryConditions where = ReportConditions.supportTypes(ReportConditions.requestedIn(filter.period()),
                filter.supportTypes());
        where.addIfGiven(filter.vulnerability(), "r.case_id IN (SELECT c.case_id FROM case_fact c "
                + "WHERE :vulnerability = ANY(c.vulnerabilities))", "vulnerability");
        ReportConditions.organization(where, "r", filter.organizationId());
        ReportConditions.network(where, "r", filter.networkId());
        return ReportConditions.municipalities(where, "r", filter.municipalities());
    }

    /** The steps of the period's referrals and their waiting times, in one row. */
    private record StepsAndWaits(long requested, long accepted, long rejected, long cancelled, long started,
            long completed, long failed, long redirected, Double acceptanceMedian, Double acceptanceP90,
            Double completionMedian, Double completionP90) {

        StepCounts counts() {
            return new StepCounts(requested, accepted, rejected, cancelled, started, completed, failed, redirected);
        }
    }

    /** The steps of one support type's referrals ('' for all of them, 'family:...' for a family). */
    private record TypeSteps(String supportType, long requested, long accepted, long rejected, long cancelled,
            long started, long completed, long failed, long redirected) {

        StepCounts counts() {
            return new StepCounts(requested, accepted, rejected, cancelled, started, completed, failed, redirected);
        }
    }

    /** How many referrals that reached a step had this reason (or need met) code. */
    private record ReasonCount(String step, String code, long referrals) {
    }

    /** A bucket of a waiting-time histogram: how many referrals waited about that long, and their seconds. */
    private record WaitBucket(String step, int bucket, long referrals, long seconds) {
    }

    private record DayCount(LocalDate day, long referrals) {
    }

    /** Steps, reasons and waiting times before small cells are withheld. */
    private record Counted(StepCounts totals, List<SupportTypeFunnel> byType, List<ReasonCount> reasons,
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
        QueryConditions where = conditions(filter);
        String accepted = HOURS_TO.formatted("accepted_at");
        String completed = HOURS_TO.formatted("completed_at");
        StepsAndWaits row = where.bindTo(NativeRows.query(em, "SELECT " + STEP_COUNTS + ", "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + accepted + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + accepted + "), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + completed + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + completed + ") "
                + "FROM referral_fact r WHERE " + where, StepsAndWaits.class)).getSingleResult();
        String typeFilter = filter.supportTypes() == null ? "" : " AND st = ANY(CAST(:types AS text[]))";
        List<TypeSteps> byType = where.bindTo(NativeRows.query(em, "SELECT st, " + STEP_COUNTS
                + " FROM referral_fact r CROSS JOIN unnest(r.support_types) AS st WHERE " + where + typeFilter
                + " GROUP BY st ORDER BY st", TypeSteps.class)).getResultList();
        List<ReasonCount> reasons = where.bindTo(NativeRows.query(em,
                reasons("rejected", "rejection_reason", "rejected_at", where) + " UNION ALL "
                        + reasons("failed", "failure_reason", "failed_at", where) + " UNION ALL "
                        + reasons("completed", "need_met", "completed_at", where), ReasonCount.class))
                .getResultList();
        return new Counted(row.counts(), byType.stream().map(t -> new SupportTypeFunnel(t.supportType(),
                t.counts())).toList(), reasons, row.acceptanceMedian(), row.acceptanceP90(), row.completionMedian(),
                row.completionP90());
    }

    /** The same figures from the daily aggregates: a few hundred rows for a year, whatever the number of referrals. */
    private Counted fromAggregates(ReportFilter filter, Cells cells) {
        String[] typesRead = cells.supportTypesRead(filter);
        String types = typesRead == null ? "" : " AND support_type = ANY(CAST(:types AS text[]))";
        TypedQuery<TypeSteps> steps = NativeRows.query(em, "SELECT support_type, sum(requested), sum(accepted), "
                + "sum(rejected), sum(cancelled), sum(started), sum(completed), sum(failed), sum(redirected) "
                + "FROM referral_day WHERE slice = :slice AND key = ANY(CAST(:keys AS text[])) "
                + "AND day BETWEEN :from AND :to" + types
                + " GROUP BY support_type HAVING sum(requested) > 0 ORDER BY support_type", TypeSteps.class);
        if (typesRead != null) {
            steps.setParameter("types", typesRead);
        }
        StepCounts totals = new StepCounts(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        List<SupportTypeFunnel> byType = new ArrayList<>();
        for (TypeSteps row : cellParameters(steps, filter, cells).getResultList()) {
            if (row.supportType().equals(cells.supportType())) {
                totals = row.counts();
            }
            if (cells.inBreakdown(row.supportType())) {
                byType.add(new SupportTypeFunnel(row.supportType(), row.counts()));
            }
        }
        List<ReasonCount> reasons = cellParameters(NativeRows.query(em, "SELECT step, code, sum(referrals) "
                + "FROM referral_day_reason WHERE slice = :slice AND key = ANY(CAST(:keys AS text[])) "
                + "AND support_type = :type AND day BETWEEN :from AND :to GROUP BY step, code "
                + "HAVING sum(referrals) > 0", ReasonCount.class), filter, cells)
                .setParameter("type", cells.supportType()).getResultList();
        Map<String, WaitingTimes> waits = waitingTimes(filter, cells);
        WaitingTimes acceptance = waits.get("accepted");
        WaitingTimes completion = waits.get("completed");
        return new Counted(totals, byType, reasons, acceptance.percentileHours(0.5),
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
        boolean dailyHistograms = cells.slice().hasDailyWaitingTimes();
        PartialMonths.Plan partial = dailyHistograms ? new PartialMonths.Plan(List.of(), List.of(), List.of())
                : PartialMonths.plan(days, referralsPerDay(cells, PartialMonths.months(days)));
        partial.wholeMonths().forEach(month -> months.add(month.toString()));
        TypedQuery<WaitBucket> query = NativeRows.query(em, "SELECT step, bucket, sum(referrals), "
                + "CAST(sum(seconds) AS bigint) FROM referral_wait "
                + "WHERE slice = :slice AND key = ANY(CAST(:keys AS text[])) AND support_type = :type "
                + "AND ((span = :month AND starts = ANY(CAST(:months AS date[])))"
                + (dailyHistograms ? " OR (span = :day AND starts = ANY(CAST(:days AS date[])))" : "")
                + ") GROUP BY step, bucket", WaitBucket.class)
                .setParameter("slice", cells.slice().code()).setParameter("keys", cells.keyArray())
                .setParameter("type", cells.supportType()).setParameter("month", PeriodSpans.Kind.MONTH.code())
                .setParameter("months", months.toArray(new String[0]));
        if (dailyHistograms) {
            query.setParameter("day", PeriodSpans.Kind.DAY.code())
                    .setParameter("days", days.stream().map(LocalDate::toString).toArray(String[]::new));
        }
        Map<String, WaitingTimes> waits = Map.of("accepted", new WaitingTimes(), "completed", new WaitingTimes());
        List<WaitBucket> buckets = new ArrayList<>(query.getResultList());
        buckets.addAll(oddDays(filter, cells, partial.addedDays()));
        buckets.forEach(b -> waits.get(b.step()).add(b.bucket(), b.referrals(), b.seconds()));
        oddDays(filter, cells, partial.subtractedDays())
                .forEach(b -> waits.get(b.step()).remove(b.bucket(), b.referrals(), b.seconds()));
        return waits;
    }

    /** The slice's referrals requested per day in these months, from the daily funnel (days without any left out). */
    private Map<LocalDate, Long> referralsPerDay(Cells cells, List<LocalDate> months) {
        if (months.isEmpty()) {
            return Map.of();
        }
        QueryConditions where = new QueryConditions().add("slice = :slice AND key = ANY(CAST(:keys AS text[])) "
                + "AND support_type = :type").bind("slice", cells.slice().code()).bind("keys", cells.keyArray())
                .bind("type", cells.supportType());
        List<String> ranges = new ArrayList<>();
        for (LocalDate month : months) {
            int n = ranges.size();
            ranges.add("(day >= :start" + n + " AND day < :end" + n + ")");
            where.bind("start" + n, Date.valueOf(month)).bind("end" + n, Date.valueOf(month.plusMonths(1)));
        }
        where.addAnyOf(ranges);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        where.bindTo(NativeRows.query(em, "SELECT day, sum(requested) FROM referral_day WHERE " + where
                + " GROUP BY day HAVING sum(requested) <> 0", DayCount.class)).getResultList()
                .forEach(d -> perDay.put(d.day(), d.referrals()));
        return perDay;
    }

    /** The histograms of a slice's referrals on these days, from the facts (bucketed as the aggregates are). */
    private List<WaitBucket> oddDays(ReportFilter filter, Cells cells, List<LocalDate> days) {
        if (days.isEmpty()) {
            return new ArrayList<>();
        }
        String slice = switch (cells.slice()) {
            case ORGANIZATION -> "(r.sending_organization_id = ANY(CAST(:keys AS uuid[])) "
                    + "OR r.receiving_organization_id = ANY(CAST(:keys AS uuid[])))";
            case MUNICIPALITY -> "r.municipality_code = ANY(CAST(:keys AS text[]))";
            default -> throw new IllegalArgumentException("no facts condition for slice " + cells.slice());
        };
        QueryConditions where = ReportConditions.supportTypes(new QueryConditions().add(slice)
                .bind("keys", cells.keyArray()), filter.supportTypes());
        List<String> ranges = new ArrayList<>();
        for (ReportPeriod run : PeriodSpans.runs(days)) {
            int n = ranges.size();
            ranges.add("(r.requested_at >= :start" + n + " AND r.requested_at < :end" + n + ")");
            where.bind("start" + n, Timestamp.from(run.start())).bind("end" + n, Timestamp.from(run.end()));
        }
        where.addAnyOf(ranges);
        return where.bindTo(NativeRows.query(em, """
                SELECT x.step, wait_bucket(x.seconds), count(*), CAST(sum(x.seconds) AS bigint)
                FROM referral_fact r
                CROSS JOIN LATERAL (VALUES ('accepted', seconds_between(r.requested_at, r.accepted_at)),
                                           ('completed', seconds_between(r.requested_at, r.completed_at)))
                                   AS x(step, seconds)
                WHERE x.seconds IS NOT NULL AND """ + " " + where + " GROUP BY 1, 2", WaitBucket.class))
                .getResultList();
    }

    private static <R> TypedQuery<R> cellParameters(TypedQuery<R> query, ReportFilter filter, Cells cells) {
        return query.setParameter("slice", cells.slice().code()).setParameter("keys", cells.keyArray())
                .setParameter("from", Date.valueOf(filter.period().from()))
                .setParameter("to", Date.valueOf(filter.period().to()));
    }

    /** Reasons add up to their step: withheld together so that subtraction reveals nothing. */
    private static Map<String, Long> withheld(SmallCells cells, Map<String, Long> breakdown, long total) {
        return cells.group(breakdown, total).cells();
    }

    private static String reasons(String step, String codeColumn, String stepColumn, QueryConditions where) {
        return "SELECT '" + step + "', COALESCE(r." + codeColumn + ", 'unknown'), count(*) FROM referral_fact r WHERE r."
                + stepColumn + " IS NOT NULL AND " + where + " GROUP BY 2";
    }

    /** The reasons of one step, in code order. */
    private static Map<String, Long> breakdown(List<ReasonCount> rows, String step) {
        Map<String, Long> counts = new TreeMap<>();
        for (ReasonCount r : rows) {
            if (step.equals(r.step())) {
                counts.merge(r.code(), r.referrals(), Long::sum);
            }
        }
        return new LinkedHashMap<>(counts);
    }

    /** Waiting times over fewer referrals than the threshold are withheld too: a median of two is two people. */
    private static Durations durations(Double median, Double p90, long referrals, SmallCells cells) {
        return cells.hidden(referrals) ? new Durations(null, null, null)
                : new Durations(rounded(median), rounded(p90), referrals);
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
