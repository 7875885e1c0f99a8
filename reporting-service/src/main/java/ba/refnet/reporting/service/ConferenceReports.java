package ba.refnet.reporting.service;

import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.SmallCells;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Family group conferences in the period: held, families, participants by role, drop-outs by reason. */
@ApplicationScoped
public class ConferenceReports {

    @Inject
    EntityManager em;

    @Inject
    Suppression suppression;

    public record Conferences(ReportFilter filter, Long held, Long droppedOut, Long families,
            Map<String, Long> participantsByRole, Long participants, Map<String, Long> dropOutsByReason,
            int suppressionThreshold) {
    }

    @Transactional
    public Conferences conferences(ReportFilter filter) {
        SqlConditions where = new SqlConditions()
                .add("f.held_on >= :from AND f.held_on <= :to")
                .bind("from", Date.valueOf(filter.period().from())).bind("to", Date.valueOf(filter.period().to()));
        if (filter.organizationId() != null) {
            where.add("f.organization_id = :organization").bind("organization", filter.organizationId());
        }
        if (filter.networkId() != null) {
            where.add("f.organization_id IN (SELECT organization_id FROM network_member_fact WHERE network_id = :network)")
                    .bind("network", filter.networkId());
        }
        where.municipalities("c", filter.municipalities()).vulnerability("c", filter.vulnerability());
        String from = " FROM conference_fact f LEFT JOIN case_fact c ON c.case_id = f.case_id WHERE " + where;
        Object[] t = (Object[]) where.bind(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE NOT f.dropped_out), count(*) FILTER (WHERE f.dropped_out),
                       count(DISTINCT f.case_id), COALESCE(sum(f.children), 0), COALESCE(sum(f.parents), 0),
                       COALESCE(sum(f.extended_family), 0), COALESCE(sum(f.professionals), 0)""" + from))
                .getSingleResult();
        SmallCells cells = suppression.cells();
        Map<String, Long> roles = new LinkedHashMap<>();
        roles.put("children", SqlConditions.number(t[3]));
        roles.put("parents", SqlConditions.number(t[4]));
        roles.put("extendedFamily", SqlConditions.number(t[5]));
        roles.put("professionals", SqlConditions.number(t[6]));
        long participants = roles.values().stream().mapToLong(Long::longValue).sum();
        SmallCells.Group byRole = cells.group(roles, participants);
        @SuppressWarnings("unchecked")
        var reasons = (List<Object[]>) where.bind(em.createNativeQuery(
                "SELECT COALESCE(f.drop_out_reason, 'unknown'), count(*)" + from
                        + " AND f.dropped_out GROUP BY 1 ORDER BY 1")).getResultList();
        Map<String, Long> dropOuts = new LinkedHashMap<>();
        reasons.forEach(r -> dropOuts.put((String) r[0], SqlConditions.number(r[1])));
        long droppedOut = SqlConditions.number(t[1]);
        return new Conferences(filter, cells.figure(SqlConditions.number(t[0])), cells.figure(droppedOut),
                cells.figure(SqlConditions.number(t[2])), byRole.cells(), byRole.total(),
                cells.group(dropOuts, droppedOut).cells(), cells.threshold());
    }
}
