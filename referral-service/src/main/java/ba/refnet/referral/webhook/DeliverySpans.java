package ba.refnet.referral.webhook;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.tracing.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;

/**
 * The span of each webhook delivery attempt, in the trace of the referral event it delivers (the event's
 * {@code traceparent}), and the count of attempts that failed: {@code refnet_webhook_delivery_failures_total}. The
 * request carries the attempt's W3C {@code traceparent} header, so a partner that traces can continue the trace.
 * Attributes: the outcome only, never the subscriber's URL (it may name a person's system) nor the payload.
 */
@ApplicationScoped
class DeliverySpans {

    @Inject
    EventTracing tracing;

    @Inject
    CloudEventCodec codec;

    private final Counter failures;

    DeliverySpans(MeterRegistry meters) {
        failures = meters.counter("refnet.webhook.delivery.failures");
    }

    /** Created at start, so that the failure count is on /q/metrics, at zero, before the first delivery. */
    void created(@Observes StartupEvent startup) {
    }

    Span start(String payload, HttpRequest.Builder request) {
        String traceparent;
        try {
            traceparent = CloudEventCodec.traceparent(codec.parse(payload));
        } catch (RuntimeException e) {
            traceparent = null;
        }
        Span span = tracing.span("webhook delivery", SpanKind.CLIENT)
                .setParent(EventTracing.contextOf(traceparent)).setAttribute("http.request.method", "POST")
                .startSpan();
        String context = EventTracing.traceparent(span);
        if (context != null) {
            request.header(EventTracing.TRACEPARENT, context);
        }
        return span;
    }

    void finish(Span span, Integer status, String error) {
        if (status != null) {
            span.setAttribute("http.response.status_code", status);
        }
        if (error != null) {
            failures.increment();
            span.setStatus(StatusCode.ERROR, status == null ? "no answer" : "HTTP " + status);
        }
        span.end();
    }
}
