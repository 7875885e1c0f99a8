package ba.refnet.referral.service;

import ba.refnet.chassis.persistence.ReadOnlyReads;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralStatus;
import ba.refnet.referral.persistence.ReferralRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
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
        StringBuilder query = new StringBuilder(filter.direction() == ReferralDirection.INCOMING
                ? "from Referral r where r.receivingOrganizationId = :org and r.status <> ba.refnet.referral.domain.ReferralStatus.DRAFT"
                : "from Referral r where r.sendingOrganizationId = :org");
        Parameters parameters = Parameters.with("org", organization);
        if (!filter.statuses().isEmpty()) {
            query.append(" and r.status in :statuses");
            parameters.and("statuses", filter.statuses());
        }
        if (filter.priority() != null) {
            query.append(" and r.priority = :priority");
            parameters.and("priority", filter.priority());
        }
        if (filter.serviceId() != null) {
            query.append(" and r.serviceId = :service");
            parameters.and("service", filter.serviceId());
        }
        if (filter.overdueOnly()) {
            query.append(" and ").append(OVERDUE);
        }
        var found = referrals.find(query.toString(), Sort.descending("requestedAt"), parameters);
        return Page.of(found.page(page.page(), page.size()).list(), page, found.count());
    }
}
