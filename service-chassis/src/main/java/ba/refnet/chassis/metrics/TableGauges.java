package ba.refnet.chassis.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Gauges read from the service's own tables (the outbox's backlog, the webhooks waiting, the deadlines overdue):
 * each a query returning one number, sampled on a schedule rather than on every scrape, so a scrape never waits on
 * the database and the queries run at a known rate. Every replica reports the same figure: alert on the maximum.
 */
@ApplicationScoped
public class TableGauges {

    private static final Logger LOG = Logger.getLogger(TableGauges.class);

    private record Sampled(String name, String sql, AtomicReference<Double> value) {
    }

    private final List<Sampled> gauges = new CopyOnWriteArrayList<>();

    @Inject
    MeterRegistry meters;

    @Inject
    EntityManager em;

    /**
     * A gauge whose value is what the query returns (one row, one number; null counts as zero).
     *
     * @param name Micrometer's dotted name, written with underscores on {@code /q/metrics}
     */
    public void register(String name, String description, String sql) {
        Sampled gauge = new Sampled(name, sql, new AtomicReference<>(Double.NaN));
        Gauge.builder(name, gauge.value(), AtomicReference::get).description(description).register(meters);
        gauges.add(gauge);
        sample(gauge);
    }

    @Scheduled(every = "${refnet.metrics.sample-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sampleAll() {
        gauges.forEach(this::sample);
    }

    private void sample(Sampled gauge) {
        try {
            Number value = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(gauge.sql())
                    .getSingleResult());
            gauge.value().set(value == null ? 0.0 : value.doubleValue());
        } catch (RuntimeException e) {
            // the figure is unknown, not zero: a gauge at zero would tell on-call all is well
            gauge.value().set(Double.NaN);
            LOG.debugf("gauge %s could not be sampled: %s", gauge.name(), e.getClass().getSimpleName());
        }
    }
}
