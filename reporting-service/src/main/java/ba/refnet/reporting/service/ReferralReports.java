package ba.refnet.reporting.service;

import ba.refnet.reporting.domain.Durations;
import ba.refnet.reporting.domain.ReportPeriod;
import ba.refnet.reporting.domain.SmallCells;
import ba.refnet.reporting.domain.StepCounts;
import ba.refnet.reporting.domain.SupportTypeFunnel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Referral figures from the projection, for referrals requested in the period. A referral for two support types
 * counts under each type; the totals count it once.
 */
@ApplicationScoped
public class ReferralReports {

    /** The filter every query shares: ?1..?4 = period start, period end, support type, organisation. */
    private static final String FILTER = """
            requested_at >= ?1 AND requested_at < ?2
              AND (CAST(?3 AS text) IS NULL OR CAST(?3 AS text) = ANY(support_types))
              AND (CAST(?4 AS uuid) IS NULL OR sending_organization_id = CAST(?4 AS uuid)
                   OR receiving_organization_id = CAST(?4 AS uuid))""";

    private static final String STEP_COUNTS = """
            count(*), count(accepted_at), count(rejected_at), count(cancelled_at), count(started_at),
            count(completed_at), count(failed_at), count(redirected_at)""";

    @Inject
    EntityManager em;

    @Inject
    Suppression suppression;

    public record Funnel(ReportPeriod period, StepCounts totals, Map<String, Long> rejectedByReason,
            Map<String, Long> failedByReason, Map<String, Long> completedByNeedMet, Durations timeToAcceptance,
            Durations timeToCompletion, List<SupportTypeFunnel> bySupportType, int suppressionThreshold) {
    }

    private record Filter(ReportPeriod period, String supportType, UUID organizationId) {
        Query bind(Query query) {
            return query.setParameter(1, Timestamp.from(period.start()))
                    .setParameter(2, Timestamp.from(period.end()))
                    .setParameter(3, supportType)
                    .setParameter(4, organizationId == null ? null : organizationId.toString());
        }
    }

    @Transactional
    public Funnel funnel(ReportPeriod period, String supportType, UUID organizationId) {
        Filter filter = new Filter(period, supportType, organizationId);
        StepCounts totals = counts((Object[]) filter.bind(em.createNativeQuery(
                "SELECT " + STEP_COUNTS + " FROM referral_fact WHERE " + FILTER)).getSingleResult(), 0);
        @SuppressWarnings("unchecked")
        List<Object[]> byType = filter.bind(em.createNativeQuery("SELECT st, " + STEP_COUNTS
                + " FROM referral_fact, unnest(support_types) AS st WHERE " + FILTER
                + " AND (CAST(?3 AS text) IS NULL OR st = CAST(?3 AS text)) GROUP BY st ORDER BY st")).getResultList();
        SmallCells cells = suppression.cells();
        return new Funnel(period, totals.published(cells),
                withheld(cells, breakdown(filter, "rejection_reason", "rejected_at"), totals.rejected()),
                withheld(cells, breakdown(filter, "failure_reason", "failed_at"), totals.failed()),
                withheld(cells, breakdown(filter, "need_met", "completed_at"), totals.completed()),
                durations(filter, "accepted_at", cells),
                durations(filter, "completed_at", cells),
                byType.stream().map(r -> new SupportTypeFunnel((String) r[0], counts(r, 1).published(cells))).toList(),
                cells.threshold());
    }

    /** Reasons add up to their step: withheld together so that subtraction reveals nothing. */
    private static Map<String, Long> withheld(SmallCells cells, Map<String, Long> breakdown, long total) {
        return cells.group(breakdown, total).cells();
    }

    private Map<String, Long> breakdown(Filter filter, String codeColumn, String stepColumn) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = filter.bind(em.createNativeQuery("SELECT COALESCE(" + codeColumn + ", 'unknown'), count(*)"
                + " FROM referral_fact WHERE " + stepColumn + " IS NOT NULL AND " + FILTER + " GROUP BY 1 ORDER BY 1"))
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    /** Hours from request to the step, for the referrals that reached it. */
    /** Waiting times over fewer referrals than the threshold are withheld too: a median of two is two people. */
    private Durations durations(Filter filter, String stepColumn, SmallCells cells) {
        String hours = "EXTRACT(EPOCH FROM (" + stepColumn + " - requested_at)) / 3600.0";
        Object[] row = (Object[]) filter.bind(em.createNativeQuery("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "
                + hours + "), percentile_cont(0.9) WITHIN GROUP (ORDER BY " + hours + "), count(*) FROM referral_fact"
                + " WHERE " + stepColumn + " IS NOT NULL AND " + FILTER)).getSingleResult();
        long referrals = ((Number) row[2]).longValue();
        return cells.hidden(referrals) ? new Durations(null, null, null)
                : new Durations(rounded(row[0]), rounded(row[1]), referrals);
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
