package ba.refnet.reporting.service;

import ba.refnet.reporting.domain.ReportFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Protocol deadlines: of the referrals requested in the period, how many missed a deadline (overdue) and how many
 * went on to the coordinator (escalated), per receiving organisation and per network or working group.
 */
@ApplicationScoped
public class DeadlineReports {

    @Inject
    EntityManager em;

    public record Compliance(String groupBy, UUID id, String name, long referrals, long overdue, long escalated,
            Double overdueRate, Double compliance) {
    }

    public record Deadlines(ReportFilter filter, List<Compliance> byOrganization, List<Compliance> byNetwork) {
    }

    @Transactional
    public Deadlines deadlines(ReportFilter filter) {
        boolean byReceiver = filter.organizationId() == null && filter.municipalities() == null
                && (filter.supportTypes() == null || filter.supportTypes().size() == 1);
        return byReceiver ? fromAggregates(filter) : fromFacts(filter);
    }

    /** The daily counts per receiving organisation, which is what both groupings add up. */
    private Deadlines fromAggregates(ReportFilter filter) {
        String members = filter.networkId() == null ? "" : " AND d.key IN (SELECT CAST(organization_id AS text) "
                + "FROM network_member_fact WHERE network_id = :network)";
        String where = "d.slice = 'r' AND d.support_type = :type AND d.day BETWEEN :from AND :to" + members;
        String counts = "sum(d.requested), sum(d.overdue), sum(d.escalated)";
        List<Object[]> byOrganization = cellParameters(em.createNativeQuery("SELECT CAST(d.key AS uuid), NULL, "
                + counts + " FROM referral_day d WHERE " + where + " GROUP BY 1 HAVING sum(d.requested) > 0 ORDER BY 1"),
                filter);
        List<Object[]> byNetwork = cellParameters(em.createNativeQuery("SELECT n.network_id, max(n.network_name), "
                + counts + " FROM referral_day d JOIN network_member_fact n ON CAST(n.organization_id AS text) = d.key "
                + "WHERE " + where + " GROUP BY 1 HAVING sum(d.requested) > 0 ORDER BY 2"), filter);
        return new Deadlines(filter, compliance("organization", byOrganization), compliance("network", byNetwork));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> cellParameters(Query query, ReportFilter filter) {
        query.setParameter("type", filter.supportTypes() == null ? "" : filter.supportTypes().iterator().next())
                .setParameter("from", Date.valueOf(filter.period().from()))
                .setParameter("to", Date.valueOf(filter.period().to()));
        if (filter.networkId() != null) {
            query.setParameter("network", filter.networkId());
        }
        return query.getResultList();
    }

    private Deadlines fromFacts(ReportFilter filter) {
        SqlConditions where = new SqlConditions()
                .add("r.requested_at >= :start AND r.requested_at < :end")
                .bind("start", Timestamp.from(filter.period().start())).bind("end", Timestamp.from(filter.period().end()));
        if (filter.supportTypes() != null) {
            where.add("r.support_types && CAST(:types AS text[])").bind("types", filter.supportTypes().toArray(new String[0]));
        }
        where.organization("r", filter.organizationId()).network("r", filter.networkId())
                .municipalities("r", filter.municipalities());
        String counts = "count(*), count(r.overdue_at), count(r.escalated_at)";
        @SuppressWarnings("unchecked")
        List<Object[]> byOrganization = where.bind(em.createNativeQuery("SELECT r.receiving_organization_id, NULL, "
                + counts + " FROM referral_fact r WHERE " + where + " GROUP BY 1 ORDER BY 1")).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> byNetwork = where.bind(em.createNativeQuery("SELECT n.network_id, max(n.network_name), "
                + counts + " FROM referral_fact r JOIN network_member_fact n ON n.organization_id = "
                + "r.receiving_organization_id WHERE " + where + " GROUP BY 1 ORDER BY 2")).getResultList();
        return new Deadlines(filter, compliance("organization", byOrganization), compliance("network", byNetwork));
    }

    private static List<Compliance> compliance(String groupBy, List<Object[]> rows) {
        return rows.stream().map(r -> {
            long referrals = SqlConditions.number(r[2]);
            long overdue = SqlConditions.number(r[3]);
            Double rate = referrals == 0 ? null : Math.round(1000.0 * overdue / referrals) / 1000.0;
            return new Compliance(groupBy, (UUID) r[0], (String) r[1], referrals, overdue,
                    SqlConditions.number(r[4]), rate, rate == null ? null : Math.round(1000.0 * (1 - rate)) / 1000.0);
        }).toList();
    }
}
