package ba.refnet.reporting.service;

import ba.refnet.reporting.domain.Cells;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.SupportTypeFamilies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        CustomPlans.forThisTransaction(em);
        // the receivers' cells answer unless an organisation or places narrow the referrals (families have none)
        Optional<String> type = filter.organizationId() == null && filter.municipalities() == null
                ? Cells.supportType(filter).filter(t -> !SupportTypeFamilies.isFamilyCell(t)) : Optional.empty();
        return type.map(t -> fromAggregates(filter, t)).orElseGet(() -> fromFacts(filter));
    }

    /** The daily counts per receiving organisation; a network's are its members' added up. */
    private Deadlines fromAggregates(ReportFilter filter, String supportType) {
        String members = filter.networkId() == null ? "" : " AND d.key IN (SELECT CAST(organization_id AS text) "
                + "FROM network_member_fact WHERE network_id = :network)";
        List<Object[]> byOrganization = cellParameters(em.createNativeQuery("SELECT CAST(d.key AS uuid), NULL, "
                + "sum(d.requested), sum(d.overdue), sum(d.escalated) FROM referral_day d WHERE d.slice = 'r' "
                + "AND d.support_type = :type AND d.day BETWEEN :from AND :to" + members
                + " GROUP BY 1 HAVING sum(d.requested) > 0 ORDER BY 1"), filter, supportType);
        Map<UUID, Object[]> received = new HashMap<>();
        byOrganization.forEach(row -> received.put((UUID) row[0], row));
        @SuppressWarnings("unchecked")
        List<Object[]> memberships = em.createNativeQuery("SELECT network_id, network_name, organization_id "
                + "FROM network_member_fact WHERE organization_id = ANY(?1)").setParameter(1,
                        received.keySet().toArray(new UUID[0])).getResultList();
        Map<UUID, Object[]> networks = new HashMap<>();
        for (Object[] membership : memberships) {
            Object[] row = received.get((UUID) membership[2]);
            Object[] sums = networks.computeIfAbsent((UUID) membership[0], id -> new Object[] {id, membership[1], 0L,
                    0L, 0L});
            for (int i = 2; i < 5; i++) {
                sums[i] = SqlConditions.number(sums[i]) + SqlConditions.number(row[i]);
            }
        }
        List<Object[]> byNetwork = networks.values().stream()
                .sorted(Comparator.comparing((Object[] row) -> (String) row[1]).thenComparing(row -> (UUID) row[0]))
                .toList();
        return new Deadlines(filter, compliance("organization", byOrganization), compliance("network", byNetwork));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> cellParameters(Query query, ReportFilter filter, String supportType) {
        query.setParameter("type", supportType)
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
