package ba.refnet.cases.service;

import ba.refnet.cases.domain.AuditEntry;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The audit trail of the caller's own organisation and its cases, for its administrators. */
@ApplicationScoped
public class AuditQuery {

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    public record Filter(UUID recordId, String actor, String action, Instant from, Instant to) {
    }

    @Transactional
    public Page<AuditEntry> entries(Filter filter, PageRequest page) {
        // the organisation's own staff, and anyone else who read its cases (a receiver opening a referral packet)
        StringBuilder where = new StringBuilder("""
                from AuditEntry a where (a.organizationId = :org or (a.recordType = 'case' and a.recordId in
                    (select c.id from FamilyCase c where c.organizationId = :org)))""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("org", caller.requireOrganization());
        // only the filters given become conditions, so that no parameter is ever an untyped null
        condition(where, parameters, "a.recordId = :record", "record", filter.recordId());
        condition(where, parameters, "a.actor = :actor", "actor", filter.actor());
        condition(where, parameters, "a.action = :action", "action", filter.action());
        condition(where, parameters, "a.at >= :from", "from", filter.from());
        condition(where, parameters, "a.at < :to", "to", filter.to());
        var items = em.createQuery(where + " order by a.at desc", AuditEntry.class);
        var count = em.createQuery("select count(a) " + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return Page.of(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), page,
                count.getSingleResult());
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }
}
