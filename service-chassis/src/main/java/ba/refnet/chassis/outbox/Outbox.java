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
import org.hibernate.Session;
import java.sql.PreparedStatement;
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

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, message_key, event_type, cloud_event, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(EventType type, UUID aggregateId, Object payload) {
        CloudEvent event = codec.build(type, aggregateId.toString(), payload);
        String json = codec.serialize(event);
        // straight on the transaction's connection: a query through Hibernate would first flush every pending
        // change of the persistence context, which cost more than the insert itself
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, UUID.fromString(event.getId()));
                insert.setString(2, type.topic());
                insert.setString(3, aggregateId.toString());
                insert.setString(4, type.type());
                insert.setString(5, json);
                insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
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
