package ba.refnet.chassis.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code refnet_ready}: 1 while the service's readiness checks ({@code /q/health/ready}: database, Kafka) pass, 0
 * while they fail. Prometheus still scrapes a replica that is not ready, so {@code up} alone would not tell.
 */
@ApplicationScoped
class ReadinessGauge {

    @Inject
    SmallRyeHealthReporter health;

    private final AtomicInteger ready = new AtomicInteger();

    void register(@Observes StartupEvent startup, MeterRegistry meters) {
        Gauge.builder("refnet.ready", ready, AtomicInteger::get)
                .description("1 while the readiness checks pass, 0 while they fail").register(meters);
        sample();
    }

    @Scheduled(every = "${refnet.metrics.sample-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        ready.set(health.getReadiness().isDown() ? 0 : 1);
    }
}
