package ba.refnet.chassis.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "refnet.tracing")
public interface TracingConfig {

    /**
     * Where spans go: a Zipkin v2 endpoint ({@code http://localhost:9411/api/v2/spans}; Jaeger, Grafana Tempo and the
     * OpenTelemetry Collector take the same format). Without it the services still trace (the trace id is on every
     * log line) and export nothing.
     */
    Optional<String> zipkinEndpoint();

    /** How long an export may wait for the backend: a backend that is down costs dropped spans, never a request. */
    @WithDefault("5s")
    Duration exportTimeout();
}
