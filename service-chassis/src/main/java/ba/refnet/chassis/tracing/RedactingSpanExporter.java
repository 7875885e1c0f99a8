package ba.refnet.chassis.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Passes on only the span attributes known to hold no personal data: an allow-list, so that an attribute a future
 * instrumentation adds (a query string, an SQL statement, a client's address, a message body) never leaves the
 * service. Exception events keep the exception's type and lose its message and stack trace, which may quote input.
 */
public final class RedactingSpanExporter implements SpanExporter {

    /** Attributes kept as they are: methods, routes (templates, not paths), statuses, names of topics and jobs. */
    static final Set<String> KEPT = Set.of(
            "http.request.method", "http.response.status_code", "http.route", "url.scheme",
            "server.address", "server.port", "network.protocol.name", "network.protocol.version", "error.type",
            "exception.type", "code.function", "code.namespace", "code.function.name", "thread.name",
            "messaging.system", "messaging.operation", "messaging.operation.type", "messaging.operation.name",
            "messaging.destination.name", "messaging.destination.partition.id", "messaging.consumer.group.name",
            "messaging.message.id", "messaging.kafka.offset", "messaging.batch.message_count");

    /** Prefixes of the chassis' own attributes (ids of events, codes, counts; see {@link EventTracing}). */
    static final List<String> KEPT_PREFIXES = List.of("refnet.", "cloudevents.");

    private final SpanExporter delegate;

    public RedactingSpanExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    public static boolean kept(String key) {
        return KEPT.contains(key) || KEPT_PREFIXES.stream().anyMatch(key::startsWith);
    }

    static Attributes redact(Attributes attributes) {
        AttributesBuilder kept = Attributes.builder();
        attributes.forEach((key, value) -> {
            if (kept(key.getKey())) {
                @SuppressWarnings("unchecked")
                AttributeKey<Object> typed = (AttributeKey<Object>) key;
                kept.put(typed, value);
            }
        });
        return kept.build();
    }

    static SpanData redact(SpanData span) {
        Attributes attributes = redact(span.getAttributes());
        List<EventData> events = span.getEvents().stream()
                .map(e -> EventData.create(e.getEpochNanos(), e.getName(), redact(e.getAttributes())))
                .toList();
        return new DelegatingSpanData(span) {
            @Override
            public Attributes getAttributes() {
                return attributes;
            }

            @Override
            public int getTotalAttributeCount() {
                return attributes.size();
            }

            @Override
            public List<EventData> getEvents() {
                return events;
            }
        };
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().map(RedactingSpanExporter::redact).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}
