package ba.refnet.referral.webhook;

import ba.refnet.chassis.metrics.TableGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What on-call asks of the webhooks, read from this service's table: deliveries waiting and how long the oldest has
 * waited (both on the index of pending deliveries). Failed attempts count in
 * {@code refnet_webhook_delivery_failures_total} ({@link DeliverySpans}).
 */
@ApplicationScoped
class WebhookGauges {

    void register(@Observes StartupEvent startup, TableGauges gauges) {
        gauges.register("refnet.webhook.deliveries.pending", "webhook deliveries not yet delivered and still tried",
                "SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'");
        gauges.register("refnet.webhook.oldest.pending.age.seconds", "age of the oldest webhook delivery still pending",
                "SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM webhook_delivery WHERE status = 'PENDING'");
    }
}
