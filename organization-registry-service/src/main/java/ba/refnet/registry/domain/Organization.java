package ba.refnet.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member of the network: a centre for social work, an NGO, a school, a health centre, ... */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_form")
    private LegalForm legalForm;
    @Column(name = "municipality_code")
    private String municipalityCode;
    private String email;
    @Column(name = "registration_number")
    private String registrationNumber;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Organization() {
    }

    public static Organization register(UUID id, String name, LegalForm legalForm, String municipalityCode, String email,
            String registrationNumber, Instant now) {
        Organization organization = new Organization();
        organization.id = id;
        organization.name = name.strip();
        organization.legalForm = legalForm;
        organization.municipalityCode = municipalityCode;
        organization.email = email;
        organization.registrationNumber = registrationNumber;
        organization.createdAt = now;
        organization.updatedAt = now;
        return organization;
    }

    /** A new service of this organisation; it starts active with the intake the organisation chose. */
    public HumanService offer(String serviceName, String description, List<String> supportTypes, IntakeStatus intake,
            Instant now) {
        return HumanService.create(this, serviceName, description, supportTypes, intake, now);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LegalForm legalForm() {
        return legalForm;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public String email() {
        return email;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
