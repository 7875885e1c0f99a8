package ba.refnet.chassis.metrics;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether the outbox is moving: {@code refnet_outbox_backlog} (rows not yet published) and
 * {@code refnet_outbox_oldest_unsent_age_seconds} (how long the oldest of them has waited; 0 when none waits).
 * Both read the partial index of unsent rows.
 */
@ApplicationScoped
class OutboxGauges {

    void register(@Observes StartupEvent startup, TableGauges gauges) {
        gauges.register("refnet.outbox.backlog", "outbox rows not yet published",
                "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
        gauges.register("refnet.outbox.oldest.unsent.age.seconds", "age of the oldest outbox row not yet published",
                "SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox_event WHERE sent_at IS NULL");
    }
}
