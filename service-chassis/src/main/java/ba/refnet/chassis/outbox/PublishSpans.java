package ba.refnet.chassis.outbox;

import ba.refnet.chassis.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The relay's span of each row it publishes, in the trace the event was created in (the row's {@code traceparent}),
 * from the send to the broker's acknowledgement of the batch. The record also carries the publish span's context
 * as a Kafka {@code traceparent} header, for tools that read traces from headers.
 */
final class PublishSpans {

    private final EventTracing tracing;
    private final List<Span> spans;

    PublishSpans(EventTracing tracing, int size) {
        this.tracing = tracing;
        this.spans = new ArrayList<>(size);
    }

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
        spans.add(span);
    }

    void acknowledged() {
        spans.forEach(Span::end);
    }

    void failed(Throwable failure) {
        spans.forEach(span -> {
            EventTracing.failed(span, failure);
            span.end();
        });
    }
}
