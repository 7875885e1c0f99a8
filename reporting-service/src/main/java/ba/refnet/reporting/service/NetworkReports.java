package ba.refnet.reporting.service;

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
import java.util.stream.Collectors;

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

    @Transactional
    public NetworkFigures network(UUID networkId, LocalDate on) {
        SqlConditions members = new SqlConditions().add("o.active");
        if (networkId != null) {
            members.add("o.organization_id IN (SELECT organization_id FROM network_member_fact WHERE network_id = :network)")
                    .bind("network", networkId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> byForm = members.bind(em.createNativeQuery("SELECT COALESCE(o.legal_form, 'other'), count(*) "
                + "FROM organization_fact o WHERE " + members + " GROUP BY 1 ORDER BY 1")).getResultList();
        Map<String, Long> forms = byForm.stream().collect(Collectors.toMap(r -> (String) r[0],
                r -> SqlConditions.number(r[1]), (a, b) -> a, LinkedHashMap::new));
        SqlConditions memoranda = new SqlConditions();
        if (networkId != null) {
            memoranda.add("m.network_id = :network").bind("network", networkId);
        }
        Object[] m = (Object[]) memoranda.bind(em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE m.valid_until IS NULL OR m.valid_until >= :on)
                FROM memorandum_fact m WHERE """ + " " + memoranda).setParameter("on", Date.valueOf(on))).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> coverage = members.bind(em.createNativeQuery("""
                SELECT st, count(DISTINCT s.service_id), count(DISTINCT s.organization_id), count(DISTINCT muni)
                FROM service_fact s JOIN organization_fact o ON o.organization_id = s.organization_id
                CROSS JOIN unnest(s.support_types) AS st
                LEFT JOIN LATERAL unnest(s.covered_municipalities) AS muni ON true
                WHERE s.status = 'active' AND """ + " " + members + " GROUP BY st ORDER BY st")).getResultList();
        String name = networkId == null ? null : em.createNativeQuery(
                "SELECT max(network_name) FROM network_member_fact WHERE network_id = ?1").setParameter(1, networkId)
                .getSingleResult() instanceof String s ? s : null;
        return new NetworkFigures(networkId, name, forms.values().stream().mapToLong(Long::longValue).sum(), forms,
                SqlConditions.number(m[1]), SqlConditions.number(m[0]),
                coverage.stream().map(r -> new SupportTypeCoverage((String) r[0], SqlConditions.number(r[1]),
                        SqlConditions.number(r[2]), SqlConditions.number(r[3]))).toList());
    }
}
