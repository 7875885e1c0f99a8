package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One protocol deadline of one referral: when it is due, and whether it was met, closed, missed or escalated. */
@Entity
@Table(name = "referral_deadline")
public class ReferralDeadline {

    @Embeddable
    public record Key(@Column(name = "referral_id") UUID referralId,
            @Enumerated(EnumType.STRING) @Column(name = "deadline") Deadline deadline) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "met_at")
    private Instant metAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "overdue_at")
    private Instant overdueAt;
    @Column(name = "escalated_at")
    private Instant escalatedAt;

    protected ReferralDeadline() {
    }

    public ReferralDeadline(UUID referralId, ProtocolStep step, Instant requestedAt) {
        this.key = new Key(referralId, step.deadline());
        this.dueAt = requestedAt.plus(Duration.ofHours(step.dueHours()));
    }

    public boolean open() {
        return metAt == null && closedAt == null;
    }

    public void meet(Instant at) {
        if (open()) {
            metAt = at;
        }
    }

    /** The referral ended (rejected, cancelled, redirected, failed, completed) before the step was due or met. */
    public void close(Instant at) {
        if (open()) {
            closedAt = at;
        }
    }

    /** @return whether this call marked it overdue */
    public boolean markOverdue(Instant now) {
        if (open() && overdueAt == null && now.isAfter(dueAt)) {
            overdueAt = now;
            return true;
        }
        return false;
    }

    /** @return whether this call escalated it */
    public boolean escalate(Instant now, Duration after) {
        if (open() && overdueAt != null && escalatedAt == null && !now.isBefore(dueAt.plus(after))) {
            escalatedAt = now;
            return true;
        }
        return false;
    }

    public UUID referralId() {
        return key.referralId();
    }

    public Deadline deadline() {
        return key.deadline();
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant metAt() {
        return metAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant overdueAt() {
        return overdueAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }
}
