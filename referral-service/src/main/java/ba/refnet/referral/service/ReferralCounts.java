package ba.refnet.referral.service;

import ba.refnet.chassis.security.CallerContext;
import ba.refnet.referral.domain.ReferralStatus;
import ba.refnet.referral.persistence.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** What needs action: how many of the organisation's referrals are in each status, and how many are overdue. */
@ApplicationScoped
public class ReferralCounts {

    @Inject
    ReferralRepository referrals;

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    public record Counts(Map<ReferralStatus, Long> byStatus, long overdue) {
    }

    /** Incoming and outgoing. */
    @Transactional
    public Map<ReferralDirection, Counts> counts() {
        UUID organization = caller.requireOrganization();
        Map<ReferralDirection, Counts> counts = new EnumMap<>(ReferralDirection.class);
        for (ReferralDirection direction : ReferralDirection.values()) {
            Map<ReferralStatus, Long> byStatus = new EnumMap<>(ReferralStatus.class);
            for (ReferralStatus status : ReferralStatus.values()) {
                byStatus.put(status, 0L);
            }
            String field = direction == ReferralDirection.INCOMING ? "receivingOrganizationId" : "sendingOrganizationId";
            // a receiver does not see the sender's drafts
            em.createQuery("select r.status, count(r) from Referral r where r." + field + " = :org"
                    + (direction == ReferralDirection.INCOMING ? " and r.status <> ba.refnet.referral.domain.ReferralStatus.DRAFT" : "") + " group by r.status",
                    Object[].class)
                    .setParameter("org", organization)
                    .getResultList()
                    .forEach(row -> byStatus.put((ReferralStatus) row[0], (Long) row[1]));
            long overdue = referrals.count("from Referral r where r." + field + " = ?1 and " + ReferralSearch.OVERDUE,
                    organization);
            counts.put(direction, new Counts(byStatus, overdue));
        }
        return counts;
    }
}
