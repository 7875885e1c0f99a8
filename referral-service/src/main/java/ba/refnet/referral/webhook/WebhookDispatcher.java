package ba.refnet.referral.webhook;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.sweep.ClaimedBatchSweep;
import ba.refnet.chassis.sweep.ClaimedBatchSweeps;
import ba.refnet.referral.domain.WebhookDelivery;
import ba.refnet.referral.domain.WebhookSubscription;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Posts due deliveries to their subscribers. Deliveries are claimed in a short transaction (leased with
 * {@code FOR UPDATE SKIP LOCKED} by {@link ClaimedBatchSweep}, so replicas never send the same one twice at once),
 * sent outside any transaction, and their outcome recorded in another: a 2xx is delivered; anything else is retried
 * with exponential back-off until the attempts run out.
 *
 * <p>New deliveries are sent as soon as the fan-out commits them ({@link #wakeUp}); the schedule only picks up
 * retries that have come due and deliveries another replica left behind, so at rest it seldom touches the database.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    ManagedExecutor executor;

    @Inject
    DeliverySpans spans;

    /** One run at a time in this process; a wake-up during a run makes it look once more. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean asked = new AtomicBoolean();

    private final ClaimedBatchSweep sweep;

    WebhookDispatcher(ClaimedBatchSweeps sweeps) {
        sweep = sweeps.named("webhook-dispatch", BATCH);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private record Claimed(UUID deliveryId, String url, String secret, String payload) {
    }

    @Scheduled(every = "${refnet.webhooks.dispatch-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        asked.set(true);
        while (asked.get() && running.compareAndSet(false, true)) {
            try {
                asked.set(false);
                dispatch(clock.instant());
            } finally {
                running.set(false);
            }
        }
    }

    /** Called after a transaction that queued deliveries has committed: send them now, not at the next tick. */
    public void wakeUp() {
        executor.execute(this::dispatchDue);
    }

    /** @return how many deliveries were attempted */
    public int dispatch(Instant now) {
        return sweep.afterClaim(size -> claim(now), this::attempt);
    }

    private List<Claimed> claim(Instant now) {
        List<WebhookDelivery> due = sweep.claim(em.createQuery("""
                from WebhookDelivery where status = :pending and nextAttemptAt <= :now order by nextAttemptAt""",
                WebhookDelivery.class)
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", now));
        return due.stream().map(d -> {
            d.lease(now.plus(LEASE));
            WebhookSubscription s = em.find(WebhookSubscription.class, d.subscriptionId());
            return new Claimed(d.id(), s.url(), s.secret(), d.payload());
        }).toList();
    }

    private void attempt(Claimed delivery) {
        long timestamp = clock.instant().getEpochSecond();
        Integer status = null;
        String error = null;
        HttpRequest.Builder request = HttpRequest.newBuilder();
        Span span = spans.start(delivery.payload(), request);
        try {
            HttpResponse<Void> response = http.send(request.uri(URI.create(delivery.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", CloudEventCodec.CONTENT_TYPE)
                    .header("X-RefNet-Delivery", delivery.deliveryId().toString())
                    .header("X-RefNet-Timestamp", Long.toString(timestamp))
                    .header("X-RefNet-Signature", WebhookSignature.sign(delivery.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        spans.finish(span, status, error);
        record(delivery.deliveryId(), status, error);
    }

    private void record(UUID deliveryId, Integer status, String error) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
            if (error == null) {
                delivery.delivered(status, now);
            } else {
                delivery.attemptFailed(status, error, now, config.backoff(), config.maxBackoff(), config.maxAttempts());
                LOG.debugf("Webhook delivery %s failed (attempt %d): %s", deliveryId, delivery.attempts(), error);
            }
        });
    }
}
