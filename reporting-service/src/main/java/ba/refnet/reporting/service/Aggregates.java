package ba.refnet.reporting.service;

import ba.refnet.chassis.persistence.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps the aggregates the reports read equal to the sum of what the facts contribute (see
 * {@code R__report_contributions.sql}): around every change of facts, the contributions of the referrals and
 * households it touches are remembered before and the difference to their new contributions is added after.
 * Projections of all channels take one lock for this, so two transactions never replace the same contribution twice.
 */
@ApplicationScoped
public class Aggregates {

    /** The advisory lock the projections serialise their aggregate changes on. */
    private static final long LOCK = 0x5245464e4554L;

    @Inject
    EntityManager em;

    /**
     * Runs the change of facts between remembering and replacing what these referrals and households contribute, in
     * every calendar span: for changes of households themselves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void around(Collection<UUID> referrals, Collection<UUID> households, Runnable change) {
        replacing(referrals, households, null, change);
    }

    /**
     * The same for a change of referrals that accepts some of them on these days: the households move only in the
     * years, quarters and months that hold those days or the days the referrals had been accepted on before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void aroundReferrals(Collection<UUID> referrals, Collection<UUID> households,
            Collection<LocalDate> acceptedOn, Runnable change) {
        lock();
        Set<LocalDate> days = new TreeSet<>(acceptedOn);
        if (!referrals.isEmpty() && !households.isEmpty()) {
            List<LocalDate> before = NativeRows.query(em, """
                    SELECT DISTINCT (accepted_at AT TIME ZONE 'Europe/Sarajevo')::date FROM referral_fact
                    WHERE referral_id = ANY(?1) AND accepted_at IS NOT NULL""", LocalDate.class)
                    .setParameter(1, referrals.toArray(new UUID[0])).getResultList();
            days.addAll(before);
        }
        replacing(referrals, households, days.toArray(new LocalDate[0]), change);
    }

    private void replacing(Collection<UUID> referrals, Collection<UUID> households, LocalDate[] days,
            Runnable change) {
        lock();
        UUID[] referralIds = referrals.toArray(new UUID[0]);
        UUID[] caseIds = households.toArray(new UUID[0]);
        call("remember_contributions", referralIds, caseIds, days);
        change.run();
        em.flush();
        call("apply_contribution_changes", referralIds, caseIds, days);
    }

    /**
     * Runs a change of the networks an organisation belongs to: the referrals it received, and the households they
     * reached, move into or out of the networks' figures.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void aroundMembership(UUID organization, Runnable change) {
        lock();
        List<UUID> referrals = NativeRows.query(em,
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

    /**
     * Empties the aggregates and adds up every fact's contribution again; returns how many referrals that was.
     * Emptying locks the tables, so reports wait for the new figures rather than read half of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recompute() {
        lock();
        em.createNativeQuery("TRUNCATE referral_day, referral_day_reason, referral_wait, household_figures")
                .executeUpdate();
        em.createNativeQuery("SELECT count(*) FROM apply_contribution_changes(ARRAY(SELECT referral_id FROM "
                + "referral_fact), ARRAY(SELECT case_id FROM case_fact))").getSingleResult();
        return NativeRows.query(em, "SELECT count(*) FROM referral_fact", Long.class).getSingleResult();
    }

    /** Those of these referrals that the facts already hold as accepted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> alreadyAccepted(Collection<UUID> referrals) {
        lock();
        if (referrals.isEmpty()) {
            return List.of();
        }
        List<UUID> accepted = NativeRows.query(em, """
                SELECT referral_id FROM referral_fact WHERE referral_id = ANY(?1) AND accepted_at IS NOT NULL""",
                UUID.class).setParameter(1, referrals.toArray(new UUID[0])).getResultList();
        return accepted;
    }

    /** The households these referrals are about, as the facts say now (under the lock, so no one changes that). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> householdsOf(Collection<UUID> referrals) {
        lock();
        if (referrals.isEmpty()) {
            return List.of();
        }
        List<UUID> cases = NativeRows.query(em, """
                SELECT DISTINCT case_id FROM referral_fact WHERE referral_id = ANY(?1) AND case_id IS NOT NULL""",
                UUID.class).setParameter(1, referrals.toArray(new UUID[0])).getResultList();
        return cases;
    }

    /** Calls a function of {@code R__report_contributions.sql}: for every span, or given days for their spans. */
    private void call(String function, UUID[] referrals, UUID[] cases, LocalDate[] days) {
        if (referrals.length == 0 && cases.length == 0) {
            return;
        }
        if (days == null) {
            em.createNativeQuery("SELECT count(*) FROM " + function + "(?1, ?2)").setParameter(1, referrals)
                    .setParameter(2, cases).getSingleResult();
        } else {
            em.createNativeQuery("SELECT count(*) FROM " + function + "(?1, ?2, CAST(?3 AS date[]))")
                    .setParameter(1, referrals).setParameter(2, cases)
                    .setParameter(3, Arrays.stream(days).map(LocalDate::toString).toArray(String[]::new))
                    .getSingleResult();
        }
    }
}
