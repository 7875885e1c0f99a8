package ba.refnet.chassis.inbox;

import ba.refnet.chassis.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * The idempotent-consumer half of the chassis: a consumer calls {@link #receive} inside the transaction that
 * applies the event's effect. The event id is recorded in {@code processed_event} in that same transaction,
 * so an effect is applied exactly once however often Kafka delivers the message.
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
            SELECT ?, id, type, now() FROM unnest(?::text[], ?::text[]) AS e(id, type)
            ON CONFLICT DO NOTHING RETURNING event_id""";

    @Inject
    EntityManager em;

    @Inject
    CloudEventCodec codec;

    @Inject
    ConsumeSpans spans;

    /**
     * Parses the message and claims its event id for this consumer.
     *
     * @return the event, or empty when this consumer has already processed it
     * @throws ba.refnet.chassis.events.MalformedEventException when the message is not a CloudEvent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CloudEvent> receive(String consumer, String message) {
        CloudEvent event = codec.parse(message);
        boolean inserted = !claim(consumer, List.of(event.getId()), List.of(event.getType())).isEmpty();
        if (inserted) {
            spans.applying(consumer, event, true);
            return Optional.of(event);
        }
        spans.skipped(consumer, event);
        return Optional.empty();
    }

    /**
     * {@link #receive} for a batch of messages in one statement: the events this consumer has not processed yet, in
     * the order of the messages (a message repeated in the batch counts once).
     *
     * @throws ba.refnet.chassis.events.MalformedEventException when a message is not a CloudEvent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> receiveAll(String consumer, List<String> messages) {
        return claimAll(consumer, messages).stream().map(Received::event).toList();
    }

    /** An event this consumer had not processed yet, with the message it came in (to pass on as it was). */
    public record Received(CloudEvent event, String message) {
    }

    /** {@link #receiveAll}, keeping each event's message. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Received> claimAll(String consumer, List<String> messages) {
        Map<String, Received> events = new LinkedHashMap<>();
        messages.forEach(message -> {
            CloudEvent event = codec.parse(message);
            events.putIfAbsent(event.getId(), new Received(event, message));
        });
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> fresh = claim(consumer, List.copyOf(events.keySet()),
                events.values().stream().map(r -> r.event().getType()).toList());
        events.values().forEach(r -> {
            if (fresh.contains(r.event().getId())) {
                spans.applying(consumer, r.event(), false);
            } else {
                spans.skipped(consumer, r.event());
            }
        });
        return events.values().stream().filter(r -> fresh.contains(r.event().getId())).toList();
    }

    /**
     * The events' ids this consumer had not claimed yet, now claimed: one statement on the transaction's connection,
     * for one event as for a poll's. Through Hibernate, this query's every run missed its query
     * plan cache (the cache keys of native queries collide), and the lookups were about a quarter of a consumer's CPU
     * during creates (JFR, SelectInterpretationsKey.equals); the inbox is no entity, so nothing needs flushing first.
     */
    private Set<String> claim(String consumer, List<String> eventIds, List<String> eventTypes) {
        Set<String> claimed = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", eventIds.toArray(new String[0])));
                insert.setArray(3, connection.createArrayOf("text", eventTypes.toArray(new String[0])));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getString(1));
                    }
                }
            }
        });
        return claimed;
    }

    public <T> T data(CloudEvent event, Class<T> payloadType) {
        return codec.data(event, payloadType);
    }
}
