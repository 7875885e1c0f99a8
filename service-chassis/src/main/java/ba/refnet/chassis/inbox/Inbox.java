package ba.refnet.chassis.inbox;

import ba.refnet.chassis.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The idempotent-consumer half of the chassis: a consumer calls {@link #receive} inside the transaction that
 * applies the event's effect. The event id is recorded in {@code processed_event} in that same transaction,
 * so an effect is applied exactly once however often Kafka delivers the message.
 */
@ApplicationScoped
public class Inbox {

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
        int inserted = em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.getId())
                .setParameter(3, event.getType())
                .executeUpdate();
        if (inserted == 1) {
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
        @SuppressWarnings("unchecked")
        List<String> claimed = em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                SELECT ?1, id, type, now() FROM unnest(?2, ?3) AS e(id, type)
                ON CONFLICT DO NOTHING RETURNING event_id""", String.class)
                .setParameter(1, consumer)
                .setParameter(2, events.keySet().toArray(new String[0]))
                .setParameter(3, events.values().stream().map(r -> r.event().getType()).toArray(String[]::new))
                .getResultList();
        Set<String> fresh = new HashSet<>(claimed);
        events.values().forEach(r -> {
            if (fresh.contains(r.event().getId())) {
                spans.applying(consumer, r.event(), false);
            } else {
                spans.skipped(consumer, r.event());
            }
        });
        return events.values().stream().filter(r -> fresh.contains(r.event().getId())).toList();
    }

    public <T> T data(CloudEvent event, Class<T> payloadType) {
        return codec.data(event, payloadType);
    }
}
