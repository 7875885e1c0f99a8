package ba.refnet.reporting.service;

import ba.refnet.chassis.persistence.NativeRows;
import ba.refnet.chassis.persistence.QueryConditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The network itself: its member organisations, the memoranda in force, and what its services offer where. About
 * organisations, not people: nothing to suppress.
 */
@ApplicationScoped
public class NetworkReports {

    @Inject
    EntityManager em;

    public record SupportTypeCoverage(String supportType, long services, long organizations, long municipalitiesCovered) {
    }

    public record NetworkFigures(UUID networkId, String networkName, long memberOrganizations,
            Map<String, Long> membersByLegalForm, long memorandaInForce, long memorandaSigned,
            List<SupportTypeCoverage> services) {
    }

    private record LegalFormCount(String legalForm, long organizations) {
    }

    private record Memoranda(long signed, long inForce) {
    }

    @Transactional
    public NetworkFigures network(UUID networkId, LocalDate on) {
        QueryConditions members = new QueryConditions().add("o.active")
                .addIfGiven(networkId, "o.organization_id IN (SELECT organization_id FROM network_member_fact "
                        + "WHERE network_id = :network)", "network");
        Map<String, Long> forms = new LinkedHashMap<>();
        members.bindTo(NativeRows.query(em, "SELECT COALESCE(o.legal_form, 'other'), count(*) "
                + "FROM organization_fact o WHERE " + members + " GROUP BY 1 ORDER BY 1", LegalFormCount.class))
                .getResultList().forEach(f -> forms.put(f.legalForm(), f.organizations()));
        QueryConditions memoranda = new QueryConditions().addIfGiven(networkId, "m.network_id = :network", "network");
        Memoranda m = memoranda.bindTo(NativeRows.query(em, """
                SELECT count(*), count(*) FILTER (WHERE m.valid_until IS NULL OR m.valid_until >= :on)
                FROM memorandum_fact m WHERE """ + " " + memoranda, Memoranda.class))
                .setParameter("on", Date.valueOf(on)).getSingleResult();
        List<SupportTypeCoverage> coverage = members.bindTo(NativeRows.query(em, """
                SELECT st, count(DISTINCT s.service_id), count(DISTINCT s.organization_id), count(DISTINCT muni)
                FROM service_fact s JOIN organization_fact o ON o.organization_id = s.organization_id
                CROSS JOIN unnest(s.support_types) AS st
                LEFT JOIN LATERAL unnest(s.covered_municipalities) AS muni ON true
                WHERE s.status = 'active' AND """ + " " + members + " GROUP BY st ORDER BY st",
                SupportTypeCoverage.class)).getResultList();
        String name = networkId == null ? null : NativeRows.query(em,
                "SELECT max(network_name) FROM network_member_fact WHERE network_id = ?1", String.class)
                .setParameter(1, networkId).getSingleResult();
        return new NetworkFigures(networkId, name, forms.values().stream().mapToLong(Long::longValue).sum(), forms,
                m.inForce(), m.signed(), coverage);
    }
}
