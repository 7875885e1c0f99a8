package ba.refnet.cases.service;

import ba.refnet.cases.domain.Consent;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tells the network, once per consent, that a consent reached its expiry date, so the referral service stops
 * sharing as it does after a withdrawal. Rows are claimed with {@code SKIP LOCKED}: replicas can sweep together.
 */
@ApplicationScoped
public class ConsentExpiry {

    /** Hibernate's lock time-out value for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    DomainEventOutbox events;

    @Scheduled(every = "${refnet.cases.consent-expiry.check-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepNow() {
        sweep(Instant.now());
    }

    /** @return how many expiries were published */
    @Transactional
    public int sweep(Instant now) {
        List<Consent> expired = em.createQuery("""
                select c from Consent c
                where c.expiresAt <= :now and c.withdrawnAt is null and c.expiryPublishedAt is null
                order by c.expiresAt""", Consent.class)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .getResultList();
        int published = 0;
        for (Consent consent : expired) {
            UUID owner = em.createQuery("select c.organizationId from FamilyCase c where c.id = :id", UUID.class)
                    .setParameter("id", consent.caseId()).getSingleResult();
            if (consent.expire(owner, now)) {
                events.publishFrom(consent);
                published++;
            }
        }
        return published;
    }
}
