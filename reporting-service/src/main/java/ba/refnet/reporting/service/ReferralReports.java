package ba.refnet.reporting.service;

import ba.refnet.reporting.domain.Durations;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.ReportPeriod;
import ba.refnet.reporting.domain.SmallCells;
import ba.refnet.reporting.domain.StepCounts;
import ba.refnet.reporting.domain.SupportTypeFunnel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
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

    /** Steps and waiting times in one pass over the referrals; the support types and the reasons in one more each. */
    @Transactional
    public Funnel funnel(ReportFilter filter) {
        SqlConditions where = conditions(filter);
        String accepted = HOURS_TO.formatted("accepted_at");
        String completed = HOURS_TO.formatted("completed_at");
        Object[] row = (Object[]) where.bind(em.createNativeQuery("SELECT " + STEP_COUNTS + ", "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + accepted + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + accepted + "), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + completed + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + completed + ") "
                + "FROM referral_fact r WHERE " + where)).getSingleResult();
        StepCounts totals = counts(row, 0);
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
        SmallCells cells = suppression.cells();
        return new Funnel(filter.period(), totals.published(cells),
                withheld(cells, breakdown(reasons, "rejected"), totals.rejected()),
                withheld(cells, breakdown(reasons, "failed"), totals.failed()),
                withheld(cells, breakdown(reasons, "completed"), totals.completed()),
                durations(row[8], row[9], totals.accepted(), cells),
                durations(row[10], row[11], totals.completed(), cells),
                byType.stream().map(r -> new SupportTypeFunnel((String) r[0], counts(r, 1).published(cells))).toList(),
                cells.threshold());
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
    private static Durations durations(Object median, Object p90, long referrals, SmallCells cells) {
        return cells.hidden(referrals) ? new Durations(null, null, null)
                : new Durations(rounded(median), rounded(p90), referrals);
    }

    private static Double rounded(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }

    private static StepCounts counts(Object[] row, int from) {
        long[] n = new long[8];
        for (int i = 0; i < n.length; i++) {
            n[i] = ((Number) row[from + i]).longValue();
        }
        return new StepCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }
}
