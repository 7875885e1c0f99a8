package ba.refnet.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the aggregates the reports read equal to the sum of what the facts contribute (see {@code V5__aggregates.sql}):
 * around every change of facts, the contributions of the referrals and households it touches are remembered before
 * and the difference to their new contributions is added after. Projections of all channels take one lock for this,
 * so two transactions never replace the same contribution twice.
 */
@ApplicationScoped
public class Aggregates {

    /** The advisory lock the projections serialise their aggregate changes on. */
    private static final long LOCK = 0x5245464e4554L;

    @Inject
    EntityManager em;

    /** Runs the change of facts between remembering and replacing what these referrals and households contribute. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void around(Collection<UUID> referrals, Collection<UUID> households, Runnable change) {
        lock();
        UUID[] referralIds = referrals.toArray(new UUID[0]);
        UUID[] caseIds = households.toArray(new UUID[0]);
        call("remember_contributions", referralIds, caseIds);
        change.run();
        em.flush();
        call("apply_contribution_changes", referralIds, caseIds);
    }

    /**
     * Runs a change of the networks an organisation belongs to: the referrals it received, and the households they
     * reached, move into or out of the networks' figures.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void aroundMembership(UUID organization, Runnable change) {
        lock();
        @SuppressWarnings("unchecked")
        List<UUID> referrals = em.createNativeQuery(
                "SELECT referral_id FROM referral_fact WHERE receiving_organization_id = ?1", UUID.class)
                .setParameter(1, organization).getResultList();
        around(referrals, householdsOf(referrals), change);
    }

    /**
     * Held to the end of the transaction (taking it again in the same transaction is allowed): meanwhile no other
     * projection moves the aggregates.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        em.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    }

    /** The households these referrals are about, as the facts say now (under the lock, so no one changes that). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> householdsOf(Collection<UUID> referrals) {
        lock();
        if (referrals.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> cases = em.createNativeQuery("""
                SELECT DISTINCT case_id FROM referral_fact WHERE referral_id = ANY(?1) AND case_id IS NOT NULL""",
                UUID.class).setParameter(1, referrals.toArray(new UUID[0])).getResultList();
        return cases;
    }

    private void call(String function, UUID[] referrals, UUID[] cases) {
        if (referrals.length > 0 || cases.length > 0) {
            em.createNativeQuery("SELECT count(*) FROM " + function + "(?1, ?2)").setParameter(1, referrals)
                    .setParameter(2, cases).getSingleResult();
        }
    }
}
