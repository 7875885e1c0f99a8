package ba.refnet.testsupport;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Kafka records shaped exactly as the services' outbox relay sends them, for tests that play another service. */
public final class EventRecords {

    private EventRecords() {
    }

    public static ProducerRecord<String, String> cloudEvent(String topic, String key, String structuredCloudEvent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, structuredCloudEvent);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
