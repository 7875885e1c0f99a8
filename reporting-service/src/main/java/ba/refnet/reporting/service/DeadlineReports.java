package ba.refnet.reporting.service;

import ba.refnet.chassis.persistence.NativeRows;
import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.reporting.domain.Cells;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.Slice;
import ba.refnet.reporting.domain.SupportTypeFamilies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
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

    /**
     * @param name the network's or organisation's name as the directory projection knows it; null for an
     *        organisation whose registration it has not received yet
     */
    public record Compliance(String groupBy, UUID id, String name, long referrals, long overdue, long escalated,
            Double overdueRate, Double compliance) {
    }

    public record Deadlines(ReportFilter filter, List<Compliance> byOrganization, List<Compliance> byNetwork) {
    }

    /** The referrals an organisation received, or a network's members received, and how many missed a deadline. */
    private record GroupCounts(UUID id, String name, long referrals, long overdue, long escalated) {

        GroupCounts plus(GroupCounts other) {
            return new GroupCounts(id, name, referrals + other.referrals, overdue + other.overdue,
                    escalated + other.escalated);
        }
    }

    private record Membership(UUID networkId, String networkName, UUID organizationId) {
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
        QueryConditions where = new QueryConditions().add("d.slice = :slice", "slice", Slice.RECEIVER.code())
                .add("d.support_type = :type", "type", supportType)
                .add("d.day BETWEEN :from AND :to").bind("from", Date.valueOf(filter.period().from()))
                .bind("to", Date.valueOf(filter.period().to()))
                .addIfGiven(filter.networkId(), "d.key IN (SELECT CAST(organization_id AS text) "
                        + "FROM network_member_fact WHERE network_id = :network)", "network");
        List<GroupCounts> byOrganization = where.bindTo(NativeRows.query(em, """
                SELECT x.id, o.name, x.referrals, x.overdue, x.escalated
                FROM (SELECT CAST(d.key AS uuid) AS id, sum(d.requested) AS referrals, sum(d.overdue) AS overdue,
                             sum(d.escalated) AS escalated
                      FROM referral_day d WHERE""" + " " + where + """
                       GROUP BY 1 HAVING sum(d.requested) > 0) x
                LEFT JOIN organization_fact o ON o.organization_id = x.id ORDER BY 1""", GroupCounts.class))
                .getResultList();
        Map<UUID, GroupCounts> received = new HashMap<>();
        byOrganization.forEach(row -> received.put(row.id(), row));
        List<Membership> memberships = NativeRows.query(em, "SELECT network_id, network_name, organization_id "
                + "FROM network_member_fact WHERE organization_id = ANY(?1)", Membership.class)
                .setParameter(1, received.keySet().toArray(new UUID[0])).getResultList();
        Map<UUID, GroupCounts> networks = new HashMap<>();
        for (Membership membership : memberships) {
            GroupCounts member = received.get(membership.organizationId());
            networks.merge(membership.networkId(), new GroupCounts(membership.networkId(), membership.networkName(),
                    member.referrals(), member.overdue(), member.escalated()), GroupCounts::plus);
        }
        List<GroupCounts> byNetwork = networks.values().stream()
                .sorted(Comparator.comparing(GroupCounts::name).thenComparing(GroupCounts::id)).toList();
        return new Deadlines(filter, compliance("organization", byOrganization), compliance("network", byNetwork));
    }

    private Deadlines fromFacts(ReportFilter filter) {
        QueryConditions where = ReportConditions.supportTypes(ReportConditions.requestedIn(filter.period()),
                filter.supportTypes());
        ReportConditions.organization(where, "r", filter.organizationId());
        ReportConditions.network(where, "r", filter.networkId());
        ReportConditions.municipalities(where, "r", filter.municipalities());
        String counts = "count(*), count(r.overdue_at), count(r.escalated_at)";
        List<GroupCounts> byOrganization = where.bindTo(NativeRows.query(em, "SELECT r.receiving_organization_id, "
                + "max(o.name), " + counts + " FROM referral_fact r LEFT JOIN organization_fact o "
                + "ON o.organization_id = r.receiving_organization_id WHERE " + where + " GROUP BY 1 ORDER BY 1",
                GroupCounts.class)).getResultList();
        List<GroupCounts> byNetwork = where.bindTo(NativeRows.query(em, "SELECT n.network_id, max(n.network_name), "
                + counts + " FROM referral_fact r JOIN network_member_fact n ON n.organization_id = "
                + "r.receiving_organization_id WHERE " + where + " GROUP BY 1 ORDER BY 2", GroupCounts.class))
                .getResultList();
        return new Deadlines(filter, compliance("organization", byOrganization), compliance("network", byNetwork));
    }

    private static List<Compliance> compliance(String groupBy, List<GroupCounts> rows) {
        return rows.stream().map(r -> {
            Double rate = r.referrals() == 0 ? null : Math.round(1000.0 * r.overdue() / r.referrals()) / 1000.0;
            return new Compliance(groupBy, r.id(), r.name(), r.referrals(), r.overdue(), r.escalated(), rate,
                    rate == null ? null : Math.round(1000.0 * (1 - rate)) / 1000.0);
        }).toList();
    }
}
