package ba.refnet.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service an organisation offers (HSDS "service"): what support, and whether it takes referrals now. */
@Entity
@Table(name = "human_service")
public class HumanService {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;
    private String name;
    private String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "support_types")
    private List<String> supportTypes;
    @Enumerated(EnumType.STRING)
    private ServiceStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "intake_status")
    private IntakeStatus intakeStatus;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected HumanService() {
    }

    static HumanService create(Organization organization, String name, String description, List<String> supportTypes,
            IntakeStatus intake, Instant now) {
        if (supportTypes.isEmpty()) {
            throw new IllegalArgumentException("a service offers at least one support type");
        }
        HumanService service = new HumanService();
        service.id = UUID.randomUUID();
        service.organization = organization;
        service.name = name.strip();
        service.description = description;
        service.supportTypes = List.copyOf(supportTypes);
        service.status = ServiceStatus.ACTIVE;
        service.intakeStatus = intake;
        service.createdAt = now;
        service.updatedAt = now;
        return service;
    }

    public UUID id() {
        return id;
    }

    public Organization organization() {
        return organization;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<String> supportTypes() {
        return supportTypes;
    }

    public ServiceStatus status() {
        return status;
    }

    public IntakeStatus intakeStatus() {
        return intakeStatus;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
