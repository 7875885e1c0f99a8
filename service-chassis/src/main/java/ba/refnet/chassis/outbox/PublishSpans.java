package ba.refnet.chassis.outbox;

import ba.refnet.chassis.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The relay's span of each row it publishes, in the trace the event was created in (the row's {@code traceparent}),
 * from the send until the transaction that marks the row sent completes: an error when the batch rolled back (the
 * broker refused or did not acknowledge; the row is published again later). The record also carries the publish
 * span's context as a Kafka {@code traceparent} header, for tools that read traces from headers.
 */
@ApplicationScoped
class PublishSpans {

    @Inject
    EventTracing tracing;

    @Inject
    TransactionSynchronizationRegistry transactions;

    void start(ProducerRecord<String, String> record, UUID eventId, String traceparent) {
        Span span = tracing.span("publish " + record.topic(), SpanKind.PRODUCER)
                .setParent(EventTracing.contextOf(traceparent))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("cloudevents.event_id", eventId.toString())
                .startSpan();
        String context = EventTracing.traceparent(span);
        if (context != null) {
            record.headers().add(EventTracing.TRACEPARENT, context.getBytes(StandardCharsets.UTF_8));
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    span.setStatus(StatusCode.ERROR, "not acknowledged: published again later");
                }
                span.end();
            }
        });
    }
}
