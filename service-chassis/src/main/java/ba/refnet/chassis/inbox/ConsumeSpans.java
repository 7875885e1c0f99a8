package ba.refnet.chassis.inbox;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.tracing.EventTracing;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A consumer's span of each event it receives, in the trace the event was created in (its {@code traceparent}
 * extension), so one trace runs from the request through the relay into every consumer, also when a consumer
 * replays the topic. The span of an event the consumer applies lasts until the transaction of its effect completes
 * (an error if it rolled back); an event the inbox skips as already processed gets a short span saying so, and
 * counts in {@code refnet_inbox_duplicates_total{consumer}}.
 */
@ApplicationScoped
class ConsumeSpans {

    @Inject
    EventTracing tracing;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry meters;

    /** An event already applied: skipped. */
    void skipped(String consumer, CloudEvent event) {
        meters.counter("refnet.inbox.duplicates", "consumer", consumer).increment();
        start(consumer, event).setAttribute("refnet.inbox.duplicate", true).end();
    }

    /**
     * An event claimed for its effect: the span ends with the transaction. {@code current} makes it the context of
     * the effect (its log lines carry the trace id) until then: for a consumer that applies one event per
     * transaction.
     */
    void applying(String consumer, CloudEvent event, boolean current) {
        // the consumer's duplicates counter exists, at zero, from its first event on
        meters.counter("refnet.inbox.duplicates", "consumer", consumer);
        Span span = start(consumer, event).setAttribute("refnet.inbox.duplicate", false);
        Scope scope = current ? span.makeCurrent() : null;
        Thread thread = Thread.currentThread();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (scope != null && Thread.currentThread() == thread) {
                    scope.close();
                }
                if (status != Status.STATUS_COMMITTED) {
                    span.setStatus(StatusCode.ERROR, "rolled back");
                }
                span.end();
            }
        });
    }

    private Span start(String consumer, CloudEvent event) {
        return tracing.span("consume " + event.getType(), SpanKind.CONSUMER)
                .setParent(EventTracing.contextOf(CloudEventCodec.traceparent(event)))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("refnet.consumer", consumer)
                .setAttribute("cloudevents.event_id", event.getId())
                .setAttribute("cloudevents.event_type", event.getType())
                .setAttribute("cloudevents.event_source", event.getSource().toString())
                .startSpan();
    }
}
