package ba.refnet.chassis.testapp;

import ba.refnet.chassis.tracing.RedactingSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The spans the test application exports, kept in memory, redacted as every exporter of the chassis' is. */
@ApplicationScoped
public class RecordedSpans {

    private final InMemorySpanExporter memory = InMemorySpanExporter.create();

    @Produces
    @Singleton
    SpanExporter recorded() {
        return new RedactingSpanExporter(memory);
    }

    public List<SpanData> all() {
        return memory.getFinishedSpanItems();
    }

    public List<SpanData> ofTrace(String traceId) {
        return all().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }
}
