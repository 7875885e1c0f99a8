package ba.refnet.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.housekeeping.OutboxAndInboxPurge;
import ba.refnet.testsupport.RealInfrastructure;
import ba.refnet.testsupport.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chassis' purge in a service that relays nothing (so an unsent row stays unsent): sent outbox rows go after
 * {@code refnet.outbox.retention} (7 days), inbox rows after {@code refnet.inbox.retention} (30 days in tests),
 * in batches of two ({@code %test.refnet.purge.batch-size}); time passes on the test clock.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OutboxAndInboxPurgeTest {

    static final String CONSUMER = "purge-test";

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @Inject
    OutboxAndInboxPurge purge;

    @Inject
    MeterRegistry meters;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void sentAndProcessedRowsGoAfterTheirRetentionUnsentAndRecentOnesStay() {
        List<UUID> sent = IntStream.range(0, 5).mapToObj(i -> outboxRow(true)).toList();
        UUID unsent = outboxRow(false);
        List<String> processed = IntStream.range(0, 3).mapToObj(i -> inboxRow()).toList();
        double outboxPurged = meters.counter("refnet.outbox.purged").count();
        double inboxPurged = meters.counter("refnet.inbox.purged").count();

        purge.purge();
        assertTrue(outboxRows().containsAll(sent) && outboxRows().contains(unsent), "nothing is old yet");
        assertTrue(inboxRows().containsAll(processed));

        clock.advance(Duration.ofDays(8));
        UUID sentLater = outboxRow(true);
        String processedLater = inboxRow();
        purge.purge();
        Set<UUID> outbox = outboxRows();
        assertTrue(sent.stream().noneMatch(outbox::contains), "sent over 7 days ago: purged, in three batches");
        assertTrue(outbox.contains(unsent), "an unsent row is never purged, however old");
        assertTrue(outbox.contains(sentLater), "sent a moment ago: kept");
        assertTrue(inboxRows().containsAll(processed), "inbox rows are kept longer than outbox rows");

        clock.advance(Duration.ofDays(23));
        purge.purge();
        Set<String> inbox = inboxRows();
        assertTrue(processed.stream().noneMatch(inbox::contains), "processed 31 days ago: purged");
        assertTrue(inbox.contains(processedLater), "processed 23 days ago: kept");
        assertTrue(outboxRows().contains(unsent));

        assertTrue(meters.counter("refnet.outbox.purged").count() - outboxPurged >= sent.size());
        assertTrue(meters.counter("refnet.inbox.purged").count() - inboxPurged >= processed.size());
        assertEquals(0, purge.purge().sentEvents(), "a second look finds nothing more");
    }

    private UUID outboxRow(boolean sent) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, cloud_event, created_at, sent_at)
                VALUES (?1, 'refnet.test.purge', ?2, 'ba.refnet.test.v1', '{}', ?3, %s)""".formatted(sent ? "?3" : "NULL"))
                .setParameter(1, id).setParameter(2, id.toString()).setParameter(3, clock.instant()).executeUpdate());
        return id;
    }

    private String inboxRow() {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                VALUES (?1, ?2, 'ba.refnet.test.v1', ?3)""")
                .setParameter(1, CONSUMER).setParameter(2, id).setParameter(3, clock.instant()).executeUpdate());
        return id;
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<UUID>) em.createNativeQuery(
                "SELECT id FROM outbox_event WHERE topic = 'refnet.test.purge'", UUID.class).getResultList())
                .stream().collect(Collectors.toSet()));
    }

    @SuppressWarnings("unchecked")
    private Set<String> inboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<String>) em.createNativeQuery(
                "SELECT event_id FROM processed_event WHERE consumer = ?1", String.class).setParameter(1, CONSUMER)
                .getResultList()).stream().collect(Collectors.toSet()));
    }
}
