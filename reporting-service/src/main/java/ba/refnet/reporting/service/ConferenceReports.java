package ba.refnet.reporting.service;

import ba.refnet.chassis.persistence.NativeRows;
import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.SmallCells;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.util.LinkedHashMap;
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

    /** The period's conferences in one row. */
    private record Held(long held, long droppedOut, long families, long children, long parents, long extendedFamily,
            long professionals) {
    }

    private record DropOuts(String reason, long conferences) {
    }

    @Transactional
    public Conferences conferences(ReportFilter filter) {
        QueryConditions where = new QueryConditions()
                .add("f.held_on >= :from AND f.held_on <= :to")
                .bind("from", Date.valueOf(filter.period().from())).bind("to", Date.valueOf(filter.period().to()))
                .addIfGiven(filter.organizationId(), "f.organization_id = :organization", "organization")
                .addIfGiven(filter.networkId(), "f.organization_id IN (SELECT organization_id FROM "
                        + "network_member_fact WHERE network_id = :network)", "network");
        ReportConditions.municipalities(where, "c", filter.municipalities());
        ReportConditions.vulnerability(where, "c", filter.vulnerability());
        String from = " FROM conference_fact f LEFT JOIN case_fact c ON c.case_id = f.case_id WHERE " + where;
        Held t = where.bindTo(NativeRows.query(em, """
                SELECT count(*) FILTER (WHERE NOT f.dropped_out), count(*) FILTER (WHERE f.dropped_out),
                       count(DISTINCT f.case_id), COALESCE(sum(f.children), 0), COALESCE(sum(f.parents), 0),
                       COALESCE(sum(f.extended_family), 0), COALESCE(sum(f.professionals), 0)""" + from, Held.class))
                .getSingleResult();
        SmallCells cells = suppression.cells();
        Map<String, Long> roles = new LinkedHashMap<>();
        roles.put("children", t.children());
        roles.put("parents", t.parents());
        roles.put("extendedFamily", t.extendedFamily());
        roles.put("professionals", t.professionals());
        long participants = roles.values().stream().mapToLong(Long::longValue).sum();
        SmallCells.Group byRole = cells.group(roles, participants);
        Map<String, Long> dropOuts = new LinkedHashMap<>();
        where.bindTo(NativeRows.query(em, "SELECT COALESCE(f.drop_out_reason, 'unknown'), count(*)" + from
                + " AND f.dropped_out GROUP BY 1 ORDER BY 1", DropOuts.class)).getResultList()
                .forEach(d -> dropOuts.put(d.reason(), d.conferences()));
        return new Conferences(filter, cells.figure(t.held()), cells.figure(t.droppedOut()),
                cells.figure(t.families()), byRole.cells(), byRole.total(),
                cells.group(dropOuts, t.droppedOut()).cells(), cells.threshold());
    }
}
