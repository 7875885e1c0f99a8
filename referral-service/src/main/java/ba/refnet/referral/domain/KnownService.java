package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What this service knows of a directory service, from the registry's events. */
@Entity
@Table(name = "known_service")
public class KnownService {

    @Id
    @Column(name = "service_id")
    private UUID serviceId;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "support_types")
    private List<String> supportTypes;
    private String status;
    @Column(name = "intake_status")
    private String intakeStatus;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected KnownService() {
    }

    public KnownService(UUID serviceId, UUID organizationId, String name, List<String> supportTypes, String status,
            String intakeStatus, Instant updatedAt) {
        this.serviceId = serviceId;
        this.organizationId = organizationId;
        this.name = name;
        this.supportTypes = List.copyOf(supportTypes);
        this.status = status;
        this.intakeStatus = intakeStatus;
        this.updatedAt = updatedAt;
    }

    /** Referrals go only to active services that accept or waitlist. */
    public boolean takesReferrals() {
        return "active".equals(status) && ("accepting".equals(intakeStatus) || "waitlist".equals(intakeStatus));
    }

    public UUID serviceId() {
        return serviceId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public List<String> supportTypes() {
        return supportTypes;
    }

    public String intakeStatus() {
        return intakeStatus;
    }
}
