package ba.refnet.chassis.outbox;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.persistence.AfterCommit;
import ba.refnet.contracts.EventType;
import ba.refnet.chassis.tracing.EventTracing;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Inject
    EventTracing tracing;

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, message_key, event_type, cloud_event, created_at, traceparent)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(EventType type, UUID aggregateId, Object payload) {
        // the event's creation is a span of the request (or job) that caused it; the event and its row carry its
        // context, so that the relay's publish and the consumers' spans, whenever they run, continue this trace
        Span span = tracing.span("outbox " + type.type(), SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", type.topic())
                .setAttribute("cloudevents.event_type", type.type())
                .startSpan();
        try {
            return record(type, aggregateId, payload, span);
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private CloudEvent record(EventType type, UUID aggregateId, Object payload, Span span) {
        String traceparent = EventTracing.traceparent(span);
        CloudEvent event = codec.build(type, aggregateId.toString(), payload, traceparent);
        span.setAttribute("cloudevents.event_id", event.getId());
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
                insert.setString(7, traceparent);
                insert.executeUpdate();
            }
        });
        // publishing right after commit keeps the event latency low; the relay's poll remains the safety net
        afterCommit.run(relay::wakeUp);
        return event;
    }
}
