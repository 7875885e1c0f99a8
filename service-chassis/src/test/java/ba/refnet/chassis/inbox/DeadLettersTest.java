package ba.refnet.chassis.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.testapp.AppliedEvents;
import ba.refnet.chassis.testapp.TestEvents;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A record that cannot be applied goes to the service's dead-letter topic with the reason; its batch goes on. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DeadLettersTest {

    static final String DEAD_LETTERS = "refnet.dlq.chassis-test";

    @Inject
    TestEvents events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithTheReasonAndTheGoodOnesOfItsBatchAreApplied() throws Exception {
        String key = UUID.randomUUID().toString();
        String before = events.anEvent();
        String malformed = "{\"id\": \"" + key + "\", \"not\": \"a cloud event\"}";
        String after = events.anEvent();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(EventRecords.cloudEvent(AppliedEvents.TOPIC, key, before),
                    EventRecords.cloudEvent(AppliedEvents.TOPIC, key, malformed),
                    EventRecords.cloudEvent(AppliedEvents.TOPIC, key, after)).awaitCompletion();
            ConsumerRecord<String, String> dead = kafka.consumeStrings()
                    .fromTopics(DEAD_LETTERS, records -> records.select().where(r -> key.equals(r.key())))
                    .awaitRecords(1, Duration.ofSeconds(30)).getRecords().get(0);
            assertEquals(malformed, dead.value(), "the record goes on as it came");
            assertTrue(header(dead, "dead-letter-reason").startsWith("not a structured CloudEvent"),
                    header(dead, "dead-letter-reason"));
            assertEquals(AppliedEvents.TOPIC, header(dead, "dead-letter-topic"));
            Long.parseLong(header(dead, "dead-letter-partition"));
            Long.parseLong(header(dead, "dead-letter-offset"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> events.timesApplied(after) == 1);
        assertEquals(1, events.timesApplied(before));
    }
}
