package ba.refnet.registry.domain;

import ba.refnet.chassis.domain.RecordsDomainEvents;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.reference.SearchText;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationDeactivated;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationRegistered;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationUpdated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A member of the network (HSDS organization): a centre for social work, an NGO, a school, a health centre, ...
 * Records {@link OrganizationEvent}s.
 */
@Entity
@Table(name = "organization")
public class Organization extends RecordsDomainEvents {

    @Id
    private UUID id;
    private String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "alternate_names")
    private List<String> alternateNames = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_form")
    private LegalForm legalForm;
    @Column(name = "registration_number")
    private String registrationNumber;
    @Column(name = "tax_id")
    private String taxId;
    private String description;
    private String website;
    private String email;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Phone> phones = new ArrayList<>();
    @Column(name = "parent_organization_id")
    private UUID parentOrganizationId;
    @Column(name = "municipality_code")
    private String municipalityCode;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Location> locations = new ArrayList<>();
    private boolean active;
    @Column(name = "deactivated_at")
    private Instant deactivatedAt;
    /** Names and description folded across scripts and diacritics, for full-text search. */
    @Column(name = "search_document")
    private String searchDocument;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Organization() {
    }

    public static Organization register(UUID id, OrganizationProfile profile, Instant now) {
        Organization organization = new Organization();
        organization.id = id;
        organization.active = true;
        organization.createdAt = now;
        organization.apply(profile, now);
        organization.recordThat(new OrganizationRegistered(id, organization.name, organization.legalForm,
                organization.municipalityCode, now));
        return organization;
    }

    public void describe(OrganizationProfile profile, Instant now) {
        apply(profile, now);
        recordThat(new OrganizationUpdated(id, name, legalForm, municipalityCode, active, now));
    }

    private void apply(OrganizationProfile profile, Instant now) {
        if (id.equals(profile.parentOrganizationId())) {
            throw new ConflictException("an organisation cannot be its own parent");
        }
        name = profile.name().strip();
        alternateNames = List.copyOf(profile.alternateNames());
        legalForm = profile.legalForm();
        registrationNumber = profile.registrationNumber();
        taxId = profile.taxId();
        description = profile.description();
        website = profile.website();
        email = profile.email();
        phones = List.copyOf(profile.phones());
        parentOrganizationId = profile.parentOrganizationId();
        municipalityCode = profile.municipalityCode();
        locations = profile.locations().stream().map(l -> l.id() == null ? withId(l) : l).toList();
        searchDocument = SearchText.fold(name + " " + String.join(" ", alternateNames) + " "
                + (description == null ? "" : description));
        updatedAt = now;
    }

    private static Location withId(Location l) {
        return new Location(UUID.randomUUID(), l.name(), l.street(), l.city(), l.postalCode(), l.municipalityCode(),
                l.latitude(), l.longitude(), l.accessibility(), l.schedule());
    }

    /** The organisation leaves the network; its entry stays for history but is no longer offered. */
    public void deactivate(Instant now) {
        if (!active) {
            throw new ConflictException("organisation " + id + " is already deactivated");
        }
        active = false;
        deactivatedAt = now;
        updatedAt = now;
        recordThat(new OrganizationDeactivated(id, name, legalForm, municipalityCode, now));
    }

    public OrganizationProfile profile() {
        return new OrganizationProfile(name, alternateNames, legalForm, registrationNumber, taxId, description, website,
                email, phones, parentOrganizationId, municipalityCode, locations);
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

    public List<Location> locations() {
        return locations;
    }

    public boolean active() {
        return active;
    }

    public Instant deactivatedAt() {
        return deactivatedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
