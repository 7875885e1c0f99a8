package ba.refnet.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration BASE = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofMinutes(3);

    @Test
    void failedAttemptsBackOffExponentiallyUpToTheMaximumThenGiveUp() {
        WebhookDelivery d = new WebhookDelivery(UUID.randomUUID(), "e1", "t", UUID.randomUUID(), "{}", T0);
        d.attemptFailed(500, "HTTP 500", T0, BASE, MAX, 5);
        assertEquals(T0.plusSeconds(30), d.nextAttemptAt());
        d.attemptFailed(503, "HTTP 503", T0, BASE, MAX, 5);
        assertEquals(T0.plusSeconds(60), d.nextAttemptAt());
        d.attemptFailed(null, "ConnectException", T0, BASE, MAX, 5);
        assertEquals(T0.plusSeconds(120), d.nextAttemptAt());
        d.attemptFailed(500, "HTTP 500", T0, BASE, MAX, 5);
        assertEquals(T0.plus(MAX), d.nextAttemptAt(), "capped");
        assertEquals(WebhookDelivery.Status.PENDING, d.status());
        d.attemptFailed(500, "HTTP 500", T0, BASE, MAX, 5);
        assertEquals(WebhookDelivery.Status.FAILED, d.status());
        assertEquals(5, d.attempts());
    }

    @Test
    void aSuccessIsRecordedWithItsStatus() {
        WebhookDelivery d = new WebhookDelivery(UUID.randomUUID(), "e1", "t", UUID.randomUUID(), "{}", T0);
        d.attemptFailed(500, "x".repeat(900), T0, BASE, MAX, 5);
        assertEquals(500, d.lastError().length(), "errors are cut to the column");
        d.delivered(204, T0.plusSeconds(31));
        assertEquals(WebhookDelivery.Status.DELIVERED, d.status());
        assertEquals(2, d.attempts());
        assertEquals(T0.plusSeconds(31), d.deliveredAt());
    }
}
