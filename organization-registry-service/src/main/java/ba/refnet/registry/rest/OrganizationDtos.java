package ba.refnet.registry.rest;

import ba.refnet.chassis.codes.Codes;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.domain.Location;
import ba.refnet.registry.domain.Memorandum;
import ba.refnet.registry.domain.Network;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.domain.OrganizationProfile;
import ba.refnet.registry.domain.Phone;
import ba.refnet.registry.domain.ServiceContact;
import ba.refnet.registry.domain.ServiceDescription;
import ba.refnet.registry.service.Networks.MemorandumInput;
import ba.refnet.registry.service.Networks.NetworkInput;
import ba.refnet.registry.service.OrganizationDirectory.OrganizationInput;
import ba.refnet.registry.service.ServiceCatalogue.ServiceInput;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the directory API. */
public final class OrganizationDtos {

    static final String PHONE = "^\\+?[0-9 ()/-]{6,20}$";
    static final String PHONE_MESSAGE = "must be a phone number such as +387 36 123 456";
    static final String URL = "^https?://[^\\s]{3,490}$";
    static final String MUNICIPALITY = "^[0-9]{3,6}$";
    static final String MUNICIPALITY_MESSAGE = "must be a municipality code (see GET /administrative-units)";
    static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    private OrganizationDtos() {
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return list == null ? List.of() : list.stream().map(f).toList();
    }

    @Schema(name = "PhoneNumber")
    public record PhoneRequest(@NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String number,
            @Schema(description = "voice, fax, text or cell") @Size(max = 20) String type,
            @Size(max = 200) String description) {
        Phone toPhone() {
            return new Phone(number, type, description);
        }
    }

    @Schema(name = "OpeningHours")
    public record OpeningHoursRequest(
            @NotBlank @Pattern(regexp = "^(mo|tu|we|th|fr|sa|su)$", message = "must be mo, tu, we, th, fr, sa or su")
            String weekday,
            @NotBlank @Pattern(regexp = TIME, message = "must be a time such as 08:00") String opens,
            @NotBlank @Pattern(regexp = TIME, message = "must be a time such as 16:00") String closes) {
    }

    @Schema(name = "Location")
    public record LocationRequest(UUID id, @Size(max = 300) String name, @NotBlank @Size(max = 300) String street,
            @NotBlank @Size(max = 100) String city, @Pattern(regexp = "^[0-9]{5}$", message = "must be a 5-digit postal code")
            String postalCode, @NotBlank @Pattern(regexp = MUNICIPALITY, message = MUNICIPALITY_MESSAGE)
            @Schema(description = "Municipality code, see GET /administrative-units") String municipalityCode,
            @DecimalMin("42.5") @DecimalMax("45.3") @Schema(description = "WGS84, within Bosnia and Herzegovina")
            Double latitude, @DecimalMin("15.7") @DecimalMax("19.7") Double longitude,
            @Size(max = 1000) @Schema(description = "Step-free access, accessible toilet, ...") String accessibility,
            @Size(max = 21) List<@Valid @NotNull OpeningHoursRequest> schedule) {
        Location toLocation() {
            return new Location(id, name, street, city, postalCode, municipalityCode, latitude, longitude,
                    accessibility, map(schedule, h -> new Location.OpeningHours(h.weekday(), h.opens(), h.closes())));
        }
    }

    @Schema(name = "OrganizationEntry")
    public record OrganizationRequest(
            @Schema(description = "On registration only, optional: the id the organisation already has in the identity "
                    + "provider (org_id); generated when absent") UUID id,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 10) List<@NotBlank @Size(max = 300) String> alternateNames,
            @NotBlank @Schema(description = "centre_for_social_work, public_institution, ngo, international_organisation, "
                    + "school, health_centre, police, informal_group or other") String legalForm,
            @Size(max = 50) String registrationNumber,
            @Pattern(regexp = "^[0-9]{12,13}$", message = "must be a 12 or 13 digit tax number (JIB/PIB)") String taxId,
            @Size(max = 4000) String description,
            @Pattern(regexp = URL, message = "must be an http(s) address") String website,
            @Email @Size(max = 254) String email,
            @Size(max = 10) List<@Valid @NotNull PhoneRequest> phones,
            UUID parentOrganizationId,
            @Pattern(regexp = MUNICIPALITY, message = MUNICIPALITY_MESSAGE)
            @Schema(description = "Seat, see GET /administrative-units") String municipalityCode,
            @Size(max = 50) List<@Valid @NotNull LocationRequest> locations) {

        OrganizationInput toInput() {
            return new OrganizationInput(name, alternateNames, legalForm, registrationNumber, taxId, description,
                    website, email, map(phones, PhoneRequest::toPhone), parentOrganizationId, municipalityCode,
                    map(locations, LocationRequest::toLocation));
        }
    }

    @Schema(name = "Organization")
    public record OrganizationView(UUID id, String name, List<String> alternateNames, String legalForm,
            String registrationNumber, String taxId, String description, String website, String email,
            List<Phone> phones, UUID parentOrganizationId, String municipalityCode, List<Location> locations,
            boolean active, Instant createdAt, Instant updatedAt, long version) {

        static OrganizationView of(Organization o) {
            OrganizationProfile p = o.profile();
            return new OrganizationView(o.id(), p.name(), p.alternateNames(), p.legalForm().code(),
                    p.registrationNumber(), p.taxId(), p.description(), p.website(), p.email(), p.phones(),
                    p.parentOrganizationId(), p.municipalityCode(), p.locations(), o.active(), o.createdAt(),
                    o.updatedAt(), o.version());
        }
    }

    @Schema(name = "ServiceContact")
    public record ContactRequest(UUID id, @NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
            @Email @Size(max = 254) String email, @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Schema(description = "The contact who takes referrals for the service") boolean referralIntake) {
        ServiceContact toContact() {
            return new ServiceContact(id, name, title, email, phone, referralIntake);
        }
    }

    @Schema(name = "ServiceEntry")
    public record ServiceRequest(
            @NotBlank @Size(max = 300) String name,
            @Size(max = 4000) String description,
            @NotNull @NotEmpty @Size(max = 20) @Schema(description = "Codes of GET /support-types")
            List<@NotBlank @Size(max = 64) String> supportTypes,
            @Size(max = 20) @Schema(description = "Codes of GET /target-groups") List<@NotBlank String> targetGroups,
            @Min(0) @Max(120) Integer minimumAge,
            @Min(0) @Max(120) Integer maximumAge,
            @Size(max = 2000) String eligibility,
            @Size(max = 20) @Schema(description = "Language codes: bs, hr, sr, en, rom, ...") List<@NotBlank String> languages,
            @Size(max = 1000) String fees,
            @Size(max = 2000) String howToApply,
            @Schema(description = "active (default), inactive or temporarily_closed") String status,
            @Size(max = 200) @Schema(description = "Where it is offered: municipality, canton or entity codes, or BA")
            List<@NotBlank String> areaCodes,
            @Size(max = 50) @Schema(description = "Ids of the organisation's locations where it is offered")
            List<@NotNull UUID> locationIds,
            @Size(max = 20) List<@Valid @NotNull ContactRequest> contacts,
            @Schema(description = "On creation: accepting (default), waitlist or not_accepting") String intakeStatus,
            @Min(0) @Schema(description = "On creation: free places, when known") Integer freePlaces) {

        ServiceInput toInput() {
            return new ServiceInput(name, description, supportTypes, targetGroups, minimumAge, maximumAge, eligibility,
                    languages, fees, howToApply, status, areaCodes, locationIds, map(contacts, ContactRequest::toContact));
        }
    }

    @Schema(name = "Service")
    public record ServiceView(UUID id, UUID organizationId, String organizationName, String name, String description,
            List<String> supportTypes, List<String> targetGroups, Integer minimumAge, Integer maximumAge,
            String eligibility, List<String> languages, String fees, String howToApply, String status,
            String intakeStatus, Integer freePlaces, List<String> areaCodes,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The municipalities the areas cover; left out of search results (up to 143 codes a "
                    + "service), which list areaCodes") List<String> coveredMunicipalities,
            List<UUID> locationIds, List<ServiceContact> contacts, Instant withdrawnAt, Instant createdAt,
            Instant updatedAt, long version) {

        static ServiceView of(HumanService s) {
            return of(s, true);
        }

        /** A search hit: the same, without the expanded coverage. */
        static ServiceView hit(HumanService s) {
            return of(s, false);
        }

        private static ServiceView of(HumanService s, boolean withCoverage) {
            ServiceDescription d = s.description();
            return new ServiceView(s.id(), s.organization().id(), s.organization().name(), d.name(), d.description(),
                    d.supportTypes(), d.targetGroups(), d.minimumAge(), d.maximumAge(), d.eligibility(), d.languages(),
                    d.fees(), d.howToApply(), d.status().code(), s.intakeStatus().code(), s.freePlaces(),
                    d.areaCodes(), withCoverage ? s.coveredMunicipalities() : null, d.locationIds(), d.contacts(),
                    s.withdrawnAt(),
                    s.createdAt(), s.updatedAt(), s.version());
        }
    }

    @Schema(name = "IntakeChange")
    public record IntakeRequest(@NotBlank @Schema(description = "accepting, waitlist or not_accepting") String intakeStatus,
            @Min(0) Integer freePlaces) {
    }

    @Schema(name = "NetworkEntry")
    public record NetworkRequest(@NotBlank @Size(max = 300) String name,
            @NotBlank @Schema(description = "informal_network, working_group or formal_network") String kind,
            @Size(max = 4000) String description,
            @Schema(description = "For a municipality's working group") String municipalityCode,
            UUID coordinatingOrganizationId) {
        NetworkInput toInput() {
            return new NetworkInput(name, kind, description, municipalityCode, coordinatingOrganizationId);
        }
    }

    @Schema(name = "Network")
    public record NetworkView(UUID id, String name, String kind, String description, String municipalityCode,
            UUID coordinatingOrganizationId, List<MemberView> members, long version) {
        static NetworkView of(Network n) {
            return new NetworkView(n.id(), n.name(), Codes.of(n.kind()), n.description(), n.municipalityCode(),
                    n.coordinatingOrganizationId(), map(n.members(), m -> new MemberView(m.organizationId(),
                            m.joinedOn())), n.version());
        }
    }

    @Schema(name = "NetworkMember")
    public record MemberView(UUID organizationId, LocalDate joinedOn) {
    }

    @Schema(name = "NetworkMembership")
    public record MembershipRequest(@NotNull UUID organizationId, LocalDate joinedOn) {
    }

    @Schema(name = "MemorandumEntry")
    public record MemorandumRequest(@NotBlank @Size(max = 300) String title, @Size(max = 4000) String subject,
            UUID networkId, @NotNull @Size(min = 2, max = 500) List<@NotNull UUID> signatoryOrganizationIds,
            @Schema(description = "When signed; a memorandum without it is a draft") LocalDate signedOn,
            LocalDate validUntil) {
        MemorandumInput toInput() {
            return new MemorandumInput(title, subject, networkId, signatoryOrganizationIds, signedOn, validUntil);
        }
    }

    @Schema(name = "Memorandum")
    public record MemorandumView(UUID id, String title, String subject, String kind, UUID networkId,
            List<UUID> signatoryOrganizationIds, LocalDate signedOn, LocalDate validUntil, String status, long version) {
        /** {@code today} in the network's calendar decides whether the memorandum is in force. */
        static MemorandumView of(Memorandum m, LocalDate today) {
            return new MemorandumView(m.id(), m.title(), m.subject(), Codes.of(m.kind()), m.networkId(),
                    m.signatories(), m.signedOn(), m.validUntil(), Codes.of(m.statusOn(today)), m.version());
        }
    }

    @Schema(name = "MemorandumSigning")
    public record SignRequest(LocalDate signedOn) {
    }
}
