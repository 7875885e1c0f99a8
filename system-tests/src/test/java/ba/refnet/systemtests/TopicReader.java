package ba.refnet.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic of the platform's Kafka, as it is now, with a plain consumer outside any group. */
final class TopicReader {

    /** One record: its place on the topic and its CloudEvent. */
    record Event(int partition, long offset, String key, String id, String type, String subject, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    /** Every record from the start to the end offsets read at the call, each partition in offset order. */
    static List<Event> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + Platform.KAFKA_PORT);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within a minute");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    events.add(event(r));
                }
            }
        }
        events.sort(Comparator.comparingInt(Event::partition).thenComparingLong(Event::offset));
        return events;
    }

    private static Event event(ConsumerRecord<String, String> r) {
        try {
            JsonNode event = JSON.readTree(r.value());
            return new Event(r.partition(), r.offset(), r.key(), event.path("id").asText(), event.path("type").asText(),
                    event.path("subject").asText(), event.path("data"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a CloudEvent at " + r.topic() + "/" + r.partition() + "@" + r.offset(), e);
        }
    }
}
