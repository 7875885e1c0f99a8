package ba.refnet.reporting.service;

import ba.refnet.reporting.domain.FunnelCount;
import ba.refnet.reporting.domain.ReportPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** Referral figures from the projection. A referral for two support types counts once under each. */
@ApplicationScoped
public class ReferralReports {

    @Inject
    EntityManager em;

    public record Funnel(ReportPeriod period, long requested, long accepted, List<FunnelCount> bySupportType) {
    }

    @Transactional
    public Funnel funnel(ReportPeriod period, String supportType, UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT st, count(*), count(accepted_at)
                FROM referral_fact, unnest(support_types) AS st
                WHERE requested_at >= ?1 AND requested_at < ?2
                  AND (CAST(?3 AS text) IS NULL OR st = CAST(?3 AS text))
                  AND (CAST(?4 AS uuid) IS NULL OR sending_organization_id = CAST(?4 AS uuid)
                       OR receiving_organization_id = CAST(?4 AS uuid))
                GROUP BY st ORDER BY st""")
                .setParameter(1, Timestamp.from(period.start()))
                .setParameter(2, Timestamp.from(period.end()))
                .setParameter(3, supportType)
                .setParameter(4, organizationId == null ? null : organizationId.toString())
                .getResultList();
        List<FunnelCount> bySupportType = rows.stream()
                .map(r -> new FunnelCount((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(accepted_at) FROM referral_fact
                WHERE requested_at >= ?1 AND requested_at < ?2
                  AND (CAST(?3 AS text) IS NULL OR CAST(?3 AS text) = ANY(support_types))
                  AND (CAST(?4 AS uuid) IS NULL OR sending_organization_id = CAST(?4 AS uuid)
                       OR receiving_organization_id = CAST(?4 AS uuid))""")
                .setParameter(1, Timestamp.from(period.start()))
                .setParameter(2, Timestamp.from(period.end()))
                .setParameter(3, supportType)
                .setParameter(4, organizationId == null ? null : organizationId.toString())
                .getSingleResult();
        return new Funnel(period, ((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(), bySupportType);
    }
}
