package ba.refnet.chassis.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * The services' span exporter (Quarkus' OpenTelemetry takes every {@link SpanExporter} bean; its OTLP exporter is
 * off): Zipkin's v2 JSON, redacted, sent in the background by the SDK's batch processor. A backend that does not
 * answer loses spans and says so once in the log, until it answers again; requests never wait for it.
 */
@ApplicationScoped
public class TraceExport {

    private static final Logger LOG = Logger.getLogger(TraceExport.class);

    @Produces
    @Singleton
    SpanExporter exporter(TracingConfig config) {
        SpanExporter target = config.zipkinEndpoint().filter(e -> !e.isBlank())
                .<SpanExporter>map(endpoint -> ZipkinSpanExporter.builder()
                        .setSender(URLConnectionSender.newBuilder().endpoint(endpoint)
                                .connectTimeout((int) config.exportTimeout().toMillis())
                                .readTimeout((int) config.exportTimeout().toMillis()).build())
                        .build())
                .orElseGet(NoExport::new);
        return new RedactingSpanExporter(new FailuresLoggedOnce(target));
    }

    /** No backend configured: spans still give the log lines their trace ids, and go nowhere. */
    static final class NoExport implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** One line when the backend stops taking spans and one when it takes them again, not one per batch. */
    static final class FailuresLoggedOnce implements SpanExporter {
        private final SpanExporter delegate;
        private final AtomicBoolean failing = new AtomicBoolean();

        FailuresLoggedOnce(SpanExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            CompletableResultCode result = delegate.export(spans);
            result.whenComplete(() -> {
                if (!result.isSuccess() && failing.compareAndSet(false, true)) {
                    LOG.warn("The trace backend does not take spans; they are dropped until it does");
                } else if (result.isSuccess() && failing.compareAndSet(true, false)) {
                    LOG.info("The trace backend takes spans again");
                }
            });
            return result;
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
}
