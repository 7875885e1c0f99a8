package ba.refnet.chassis.inbox;

import ba.refnet.chassis.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

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
        return inserted == 1 ? Optional.of(event) : Optional.empty();
    }

    public <T> T data(CloudEvent event, Class<T> payloadType) {
        return codec.data(event, payloadType);
    }
}
