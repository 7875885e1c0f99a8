package ba.refnet.cases.service;

import ba.refnet.cases.domain.AuditEntry;
import ba.refnet.chassis.persistence.BoundedCount;
import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
        QueryConditions where = new QueryConditions()
                .add("(a.organizationId = :org or (a.recordType = 'case' and a.recordId in"
                        + " (select c.id from FamilyCase c where c.organizationId = :org)))", "org",
                        caller.requireOrganization())
                .addIfGiven(filter.recordId(), "a.recordId = :record", "record")
                .addIfGiven(filter.actor(), "a.actor = :actor", "actor")
                .addIfGiven(filter.action(), "a.action = :action", "action")
                .addIfGiven(filter.from(), "a.at >= :from", "from")
                .addIfGiven(filter.to(), "a.at < :to", "to");
        String from = "from AuditEntry a where " + where;
        String newestFirst = "a.at desc";
        var items = where.bindTo(em.createQuery(from + " order by " + newestFirst, AuditEntry.class));
        return Page.of(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), page,
                BoundedCount.of(em, "a.id", from, newestFirst, where));
    }
}
