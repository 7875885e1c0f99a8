package ba.refnet.chassis.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.testapp.AppliedEvents;
import ba.refnet.chassis.testapp.TestEvents;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An event's effect is applied once per consumer, however often it comes. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class InboxTest {

    @Inject
    Inbox inbox;

    @Inject
    TestEvents events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String consumer() {
        return "consumer-" + UUID.randomUUID();
    }

    private Optional<CloudEvent> receive(String consumer, String message) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.receive(consumer, message));
    }

    @Test
    void theSameEventClaimedTwiceIsProcessedOnce() {
        String consumer = consumer();
        String message = events.anEvent();
        assertTrue(receive(consumer, message).isPresent());
        assertTrue(receive(consumer, message).isEmpty(), "the second delivery is recognised");
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> inbox.receiveAll(consumer,
                List.of(message))));
    }

    @Test
    void anEventRepeatedInOneBatchCountsOnce() {
        String consumer = consumer();
        String first = events.anEvent();
        String second = events.anEvent();
        List<CloudEvent> fresh = QuarkusTransaction.requiringNew().call(() -> inbox.receiveAll(consumer,
                List.of(first, second, first)));
        assertEquals(List.of(events.idOf(first), events.idOf(second)),
                fresh.stream().map(CloudEvent::getId).toList());
    }

    @Test
    void eachConsumerProcessesAnEventOnceForItself() {
        String message = events.anEvent();
        assertTrue(receive(consumer(), message).isPresent());
        assertTrue(receive(consumer(), message).isPresent(), "another consumer has its own record");
    }

    @Test
    void aClaimRolledBackWithItsEffectLeavesTheEventToProcessAgain() {
        String consumer = consumer();
        String message = events.anEvent();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            inbox.receive(consumer, message);
            throw new IllegalStateException("the effect could not be applied");
        }));
        assertTrue(receive(consumer, message).isPresent());
    }

    @Test
    void twoConcurrentClaimsOfOneEventProcessItOnce() throws Exception {
        String consumer = consumer();
        String message = events.anEvent();
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Optional<CloudEvent>> first = CompletableFuture.supplyAsync(() -> QuarkusTransaction
                .requiringNew().call(() -> {
                    Optional<CloudEvent> claimed = inbox.receive(consumer, message);
                    firstClaimed.countDown();
                    assertTrue(commitFirst.await(10, TimeUnit.SECONDS));
                    return claimed;
                }));
        assertTrue(firstClaimed.await(10, TimeUnit.SECONDS));
        // the second claim waits on the first one's row until that transaction ends
        CompletableFuture<Optional<CloudEvent>> second = CompletableFuture.supplyAsync(() -> receive(consumer,
                message));
        Thread.sleep(500);
        assertFalse(second.isDone(), "the second claim waits for the first transaction");
        commitFirst.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS).isPresent());
        assertTrue(second.get(10, TimeUnit.SECONDS).isEmpty());
    }

    @Test
    void aRedeliveredEventIsAppliedOnceByARealConsumer() throws Exception {
        String message = events.anEvent();
        String later = events.anEvent();
        String key = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(EventRecords.cloudEvent(AppliedEvents.TOPIC, key, message),
                    EventRecords.cloudEvent(AppliedEvents.TOPIC, key, message),
                    EventRecords.cloudEvent(AppliedEvents.TOPIC, key, later)).awaitCompletion();
        }
        // one key, one partition: once the later event is in, both deliveries before it have been handled
        await().atMost(Duration.ofSeconds(30)).until(() -> events.timesApplied(later) == 1);
        assertEquals(1, events.timesApplied(message));
    }
}
