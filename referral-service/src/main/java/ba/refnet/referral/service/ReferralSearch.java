package ba.refnet.referral.service;

import ba.refnet.chassis.persistence.BoundedCount;
import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.chassis.persistence.ReadOnlyReads;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralStatus;
import ba.refnet.referral.persistence.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** The worklists: the caller's organisation's referrals, incoming or outgoing, filtered, newest first. */
@ApplicationScoped
public class ReferralSearch {

    /** A referral is overdue while one of its protocol deadlines has passed unmet. */
    static final String OVERDUE = "exists (select d.key from ReferralDeadline d where d.key.referralId = r.id"
            + " and d.overdueAt is not null and d.metAt is null and d.closedAt is null)";

    @Inject
    ReferralRepository referrals;

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    public record Filter(ReferralDirection direction, Set<ReferralStatus> statuses, Priority priority, UUID serviceId,
            boolean overdueOnly) {
    }

    @Transactional
    public Page<Referral> worklist(Filter filter, PageRequest page) {
        ReadOnlyReads.begin(em);
        UUID organization = caller.requireOrganization();
        QueryConditions where = new QueryConditions();
        if (filter.direction() == ReferralDirection.INCOMING) {
            where.add("r.receivingOrganizationId = :org", "org", organization)
                    .add("r.status <> ba.refnet.referral.domain.ReferralStatus.DRAFT");
        } else {
            where.add("r.sendingOrganizationId = :org", "org", organization);
        }
        where.addIfGiven(filter.statuses().isEmpty() ? null : filter.statuses(), "r.status in :statuses", "statuses")
                .addIfGiven(filter.priority(), "r.priority = :priority", "priority")
                .addIfGiven(filter.serviceId(), "r.serviceId = :service", "service");
        if (filter.overdueOnly()) {
            where.add(OVERDUE);
        }
        String from = "from Referral r where " + where;
        String newestFirst = "r.requestedAt desc";
        var found = referrals.find(from + " order by " + newestFirst, where.parameters());
        return Page.of(found.page(page.page(), page.size()).list(), page,
                BoundedCount.of(em, "r.id", from, newestFirst, where));
    }
}
