package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One event to deliver to one subscription, with its attempts: pending until delivered or given up. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    private UUID id;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "referral_id")
    private UUID referralId;
    private String payload;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_status_code")
    private Integer lastStatusCode;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(UUID subscriptionId, String eventId, String eventType, UUID referralId, String payload,
            Instant now) {
        this.id = UUID.randomUUID();
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.referralId = referralId;
        this.payload = payload;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public void delivered(int statusCode, Instant now) {
        attempts++;
        status = Status.DELIVERED;
        lastStatusCode = statusCode;
        lastError = null;
        deliveredAt = now;
    }

    /**
     * A failed attempt: try again after {@code base} × 2^(attempts-1), at most {@code max}; after {@code maxAttempts}
     * attempts the delivery is given up.
     */
    public void attemptFailed(Integer statusCode, String error, Instant now, Duration base, Duration max,
            int maxAttempts) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
            return;
        }
        Duration wait = base.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(max) > 0 ? max : wait);
    }

    /** Keeps other dispatchers off this delivery while one is attempting it. */
    public void lease(Instant until) {
        nextAttemptAt = until;
    }

    public UUID id() {
        return id;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public UUID referralId() {
        return referralId;
    }

    public String payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
