package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner system's wish to hear of its organisation's referral events over HTTP, signed with a shared secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String url;
    private String secret;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    private List<String> eventTypes;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected WebhookSubscription() {
    }

    public WebhookSubscription(UUID organizationId, String url, String secret, List<String> eventTypes, Instant now) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.url = url;
        this.secret = secret;
        this.eventTypes = List.copyOf(eventTypes);
        this.active = true;
        this.createdAt = now;
    }

    /** An empty list of types means every referral event. */
    public boolean wants(String eventType) {
        return active && (eventTypes.isEmpty() || eventTypes.contains(eventType));
    }

    public void cancel() {
        active = false;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String url() {
        return url;
    }

    public String secret() {
        return secret;
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
