package ba.refnet.chassis.housekeeping;

import ba.refnet.chassis.inbox.InboxConfig;
import ba.refnet.chassis.outbox.OutboxConfig;
import ba.refnet.chassis.sweep.ClaimedBatchSweep;
import ba.refnet.chassis.tracing.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes what the chassis' tables no longer need, in every service: sent {@code outbox_event} rows older than
 * {@code refnet.outbox.retention} and {@code processed_event} rows older than {@code refnet.inbox.retention}.
 * Deletes go in batches of claimed rows, each its own short transaction, so the purge never holds many locks for
 * long nor waits on a row the relay or a consumer holds. Metrics: {@code refnet_outbox_purged_total} and
 * {@code refnet_inbox_purged_total}.
 */
@ApplicationScoped
public class OutboxAndInboxPurge {

    public record Purged(int sentEvents, int processedEvents) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    InboxConfig inboxConfig;

    @Inject
    MeterRegistry meters;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "refnet.purge.batch-size", defaultValue = "1000")
    int batchSize;

    private ClaimedBatchSweep outboxSweep;
    private ClaimedBatchSweep inboxSweep;
    private Counter outboxPurged;
    private Counter inboxPurged;

    @PostConstruct
    void init() {
        outboxSweep = new ClaimedBatchSweep("outbox-purge", batchSize, meters, tracing);
        inboxSweep = new ClaimedBatchSweep("inbox-purge", batchSize, meters, tracing);
        outboxPurged = meters.counter("refnet.outbox.purged");
        inboxPurged = meters.counter("refnet.inbox.purged");
    }

    @Scheduled(every = "${refnet.purge.every:1h}", delayed = "${refnet.purge.first-after:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeNow() {
        purge();
    }

    /** Purges what is past its retention at the clock's present time. */
    public Purged purge() {
        Instant now = clock.instant();
        int sent = outboxSweep.batches(size -> delete("""
                DELETE FROM outbox_event WHERE seq IN (
                    SELECT seq FROM outbox_event WHERE sent_at < ?1 ORDER BY sent_at LIMIT ?2 FOR UPDATE SKIP LOCKED)""",
                now.minus(outboxConfig.retention()), size));
        outboxPurged.increment(sent);
        int processed = inboxConfig.retention().map(retention -> inboxSweep.batches(size -> delete("""
                DELETE FROM processed_event WHERE (consumer, event_id) IN (
                    SELECT consumer, event_id FROM processed_event WHERE processed_at < ?1
                    ORDER BY processed_at LIMIT ?2 FOR UPDATE SKIP LOCKED)""", now.minus(retention), size)))
                .orElse(0);
        inboxPurged.increment(processed);
        return new Purged(sent, processed);
    }

    private int delete(String sql, Instant before, int size) {
        return em.createNativeQuery(sql).setParameter(1, before).setParameter(2, size).executeUpdate();
    }
}
