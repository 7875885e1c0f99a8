package ba.refnet.registry.domain;

import ba.refnet.chassis.domain.RecordsDomainEvents;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.reference.SearchText;
import ba.refnet.registry.domain.ServiceEvent.ServiceAdded;
import ba.refnet.registry.domain.ServiceEvent.ServiceIntakeChanged;
import ba.refnet.registry.domain.ServiceEvent.ServiceUpdated;
import ba.refnet.registry.domain.ServiceEvent.ServiceWithdrawn;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service an organisation offers (HSDS service): what support, for whom, where, how to apply, and whether it
 * takes referrals now. Records {@link ServiceEvent}s.
 */
@Entity
@Table(name = "human_service")
public class HumanService extends RecordsDomainEvents {

    @Id
    private UUID id;
    /** Every view of a service names its organisation: loaded with it. */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;
    private String name;
    private String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "support_types")
    private List<String> supportTypes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups")
    private List<String> targetGroups = new ArrayList<>();
    @Column(name = "minimum_age")
    private Integer minimumAge;
    @Column(name = "maximum_age")
    private Integer maximumAge;
    private String eligibility;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> languages = new ArrayList<>();
    private String fees;
    @Column(name = "how_to_apply")
    private String howToApply;
    @Enumerated(EnumType.STRING)
    private ServiceStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "intake_status")
    private IntakeStatus intakeStatus;
    @Column(name = "free_places")
    private Integer freePlaces;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_codes")
    private List<String> areaCodes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "covered_municipalities")
    private List<String> coveredMunicipalities = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "location_ids")
    private List<UUID> locationIds = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<ServiceContact> contacts = new ArrayList<>();
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    /** Shown in searches: not withdrawn, and its organisation active. */
    private boolean listed = true;
    @Column(name = "search_document")
    private String searchDocument;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected HumanService() {
    }

    public static HumanService create(UUID id, Organization organization, ServiceDescription description,
            IntakeStatus intake, Integer freePlaces, Instant now) {
        HumanService service = new HumanService();
        service.id = id;
        service.organization = organization;
        service.createdAt = now;
        service.apply(description, now);
        service.applyIntake(intake, freePlaces, now);
        service.recordThat(new ServiceAdded(service.listing(), now));
        return service;
    }

    public void describe(ServiceDescription d, Instant now) {
        apply(d, now);
        recordThat(new ServiceUpdated(listing(), now));
    }

    private void apply(ServiceDescription d, Instant now) {
        requireNotWithdrawn();
        if (d.minimumAge() != null && d.maximumAge() != null && d.minimumAge() > d.maximumAge()) {
            throw new IllegalArgumentException("minimum age above maximum age");
        }
        name = d.name().strip();
        description = d.description();
        supportTypes = List.copyOf(d.supportTypes());
        targetGroups = List.copyOf(d.targetGroups());
        minimumAge = d.minimumAge();
        maximumAge = d.maximumAge();
        eligibility = d.eligibility();
        languages = List.copyOf(d.languages());
        fees = d.fees();
        howToApply = d.howToApply();
        status = d.status() == null ? ServiceStatus.ACTIVE : d.status();
        areaCodes = List.copyOf(d.areaCodes());
        coveredMunicipalities = d.coveredMunicipalities().stream().sorted().toList();
        locationIds = List.copyOf(d.locationIds());
        contacts = d.contacts().stream().map(c -> c.id() != null ? c
                : new ServiceContact(UUID.randomUUID(), c.name(), c.title(), c.email(), c.phone(), c.referralIntake()))
                .toList();
        searchDocument = SearchText.fold(name + " " + (description == null ? "" : description) + " "
                + organization.name());
        updatedAt = now;
    }

    /** @return whether anything changed */
    public boolean changeIntake(IntakeStatus intake, Integer places, Instant now) {
        boolean changed = applyIntake(intake, places, now);
        if (changed) {
            recordThat(new ServiceIntakeChanged(listing(), now));
        }
        return changed;
    }

    private boolean applyIntake(IntakeStatus intake, Integer places, Instant now) {
        requireNotWithdrawn();
        if (places != null && places < 0) {
            throw new IllegalArgumentException("free places cannot be negative");
        }
        boolean changed = intake != intakeStatus || !Objects.equals(places, freePlaces);
        intakeStatus = intake;
        freePlaces = places;
        updatedAt = now;
        return changed;
    }

    /** The service is no longer offered; its entry stays for the referrals that named it. */
    public void withdraw(Instant now) {
        requireNotWithdrawn();
        withdrawnAt = now;
        listed = false;
        intakeStatus = IntakeStatus.NOT_ACCEPTING;
        freePlaces = null;
        updatedAt = now;
        recordThat(new ServiceWithdrawn(listing(), now));
    }

    private ServiceEvent.Listing listing() {
        return new ServiceEvent.Listing(id, organization.id(), name, supportTypes, status, withdrawnAt != null,
                intakeStatus, freePlaces, coveredMunicipalities);
    }

    /** Its organisation left the network: the service no longer shows in searches. */
    public void unlist(Instant now) {
        listed = false;
        updatedAt = now;
    }

    private void requireNotWithdrawn() {
        if (withdrawnAt != null) {
            throw new ConflictException("service " + id + " was withdrawn on " + withdrawnAt);
        }
    }

    public ServiceDescription description() {
        return new ServiceDescription(name, description, supportTypes, targetGroups, minimumAge, maximumAge,
                eligibility, languages, fees, howToApply, status, areaCodes, Set.copyOf(coveredMunicipalities),
                locationIds, contacts);
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

    public List<String> supportTypes() {
        return supportTypes;
    }

    public ServiceStatus status() {
        return status;
    }

    public IntakeStatus intakeStatus() {
        return intakeStatus;
    }

    public Integer freePlaces() {
        return freePlaces;
    }

    public List<String> coveredMunicipalities() {
        return coveredMunicipalities;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
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
