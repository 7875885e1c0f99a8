package ba.refnet.chassis.outbox;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the outbox table inside the caller's transaction, so that the state change and its
 * event commit or roll back together. The {@link OutboxRelay} publishes it after commit.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    CloudEventCodec codec;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(EventType type, UUID aggregateId, Object payload) {
        CloudEvent event = codec.build(type, aggregateId.toString(), payload);
        em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, cloud_event, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, UUID.fromString(event.getId()))
                .setParameter(2, type.topic())
                .setParameter(3, aggregateId.toString())
                .setParameter(4, type.type())
                .setParameter(5, codec.serialize(event))
                .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return event;
    }

    /** Publishing right after commit keeps the event latency low; polling remains the safety net. */
    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
