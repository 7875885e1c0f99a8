package ba.refnet.cases.service;

import ba.refnet.cases.domain.Consent;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.sweep.ClaimedBatchSweep;
import ba.refnet.chassis.sweep.ClaimedBatchSweeps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Tells the network, once per consent, that a consent reached its expiry date, so the referral service stops
 * sharing as it does after a withdrawal. Rows are claimed with {@code SKIP LOCKED} ({@link ClaimedBatchSweep}):
 * replicas can sweep together.
 */
@ApplicationScoped
public class ConsentExpiry {

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    private final ClaimedBatchSweep sweep;

    ConsentExpiry(ClaimedBatchSweeps sweeps) {
        sweep = sweeps.named("consent-expiry", BATCH);
    }

    @Scheduled(every = "${refnet.cases.consent-expiry.check-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepNow() {
        sweep(clock.instant());
    }

    /** @return how many expiries were published */
    public int sweep(Instant now) {
        return sweep.inClaimTransaction(size -> sweep.claim(em.createQuery("""
                select c from Consent c
                where c.expiresAt <= :now and c.withdrawnAt is null and c.expiryPublishedAt is null
                order by c.expiresAt""", Consent.class).setParameter("now", now)), consent -> publish(consent, now));
    }

    private void publish(Consent consent, Instant now) {
        UUID owner = em.createQuery("select c.organizationId from FamilyCase c where c.id = :id", UUID.class)
                .setParameter("id", consent.caseId()).getSingleResult();
        if (consent.expire(owner, now)) {
            events.publishFrom(consent);
        }
    }
}
