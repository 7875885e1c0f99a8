package ba.refnet.referral.service;

import ba.refnet.chassis.metrics.TableGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Protocol deadlines that need someone, read from the index of open deadlines: overdue (passed unmet, within the
 * protocol's grace time) and escalated to the coordinator, both still open. How many the sweep marked counts in
 * {@code refnet_sweep_items_total{job="deadlines"}}.
 */
@ApplicationScoped
class DeadlineGauges {

    void register(@Observes StartupEvent startup, TableGauges gauges) {
        gauges.register("refnet.deadlines.overdue", "protocol deadlines passed unmet and not yet escalated",
                "SELECT count(*) FROM referral_deadline WHERE met_at IS NULL AND closed_at IS NULL"
                        + " AND overdue_at IS NOT NULL AND escalated_at IS NULL");
        gauges.register("refnet.deadlines.escalated", "protocol deadlines escalated to the coordinator and still open",
                "SELECT count(*) FROM referral_deadline WHERE met_at IS NULL AND closed_at IS NULL"
                        + " AND escalated_at IS NOT NULL");
    }
}
