package ba.refnet.registry.service;

import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.domain.IntakeStatus;
import ba.refnet.registry.domain.Location;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.domain.ServiceContact;
import ba.refnet.registry.domain.ServiceDescription;
import ba.refnet.registry.domain.ServiceStatus;
import ba.refnet.registry.persistence.HumanServiceRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The services of the directory's organisations: offered, described, opened or closed to referrals, withdrawn. */
@ApplicationScoped
public class ServiceCatalogue {

    @Inject
    OrganizationDirectory directory;

    @Inject
    HumanServiceRepository services;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    /** A service as a caller describes it, before its codes are checked. */
    public record ServiceInput(String name, String description, List<String> supportTypes, List<String> targetGroups,
            Integer minimumAge, Integer maximumAge, String eligibility, List<String> languages, String fees,
            String howToApply, String status, List<String> areaCodes, List<UUID> locationIds,
            List<ServiceContact> contacts) {
    }

    @Transactional
    public HumanService add(UUID organizationId, ServiceInput input, String intakeCode, Integer freePlaces) {
        return add(UUID.randomUUID(), organizationId, input, intakeCode, freePlaces);
    }

    /** With the id the service already has elsewhere (an HSDS import keeps it). */
    @Transactional
    public HumanService add(UUID id, UUID organizationId, ServiceInput input, String intakeCode, Integer freePlaces) {
        Organization organization = directory.organization(organizationId);
        directory.requireEditor(organizationId);
        if (services.findByIdOptional(id).isPresent()) {
            throw new ConflictException("service " + id + " already exists");
        }
        ServiceDescription description = checked(organization, input);
        IntakeStatus intake = intake(intakeCode);
        Instant now = clock.instant();
        HumanService service = HumanService.create(id, organization, description, intake, freePlaces, now);
        services.persist(service);
        events.publishFrom(service);
        return service;
    }

    @Transactional
    public HumanService update(UUID serviceId, ServiceInput input, String ifMatch) {
        HumanService service = editable(serviceId, ifMatch);
        ServiceDescription description = checked(service.organization(), input);
        if (description.equals(service.description())) {
            return service;
        }
        Instant now = clock.instant();
        service.describe(description, now);
        services.flush();
        events.publishFrom(service);
        return service;
    }

    @Transactional
    public HumanService changeIntake(UUID serviceId, String intakeCode, Integer freePlaces, String ifMatch) {
        HumanService service = editable(serviceId, ifMatch);
        IntakeStatus intake = intake(intakeCode);
        if (freePlaces != null && freePlaces < 0) {
            throw new InvalidInputException("freePlaces", "cannot be negative");
        }
        Instant now = clock.instant();
        if (service.changeIntake(intake, freePlaces, now)) {
            services.flush();
            events.publishFrom(service);
        }
        return service;
    }

    @Transactional
    public HumanService withdraw(UUID serviceId, String ifMatch) {
        HumanService service = editable(serviceId, ifMatch);
        Instant now = clock.instant();
        service.withdraw(now);
        services.flush();
        events.publishFrom(service);
        return service;
    }

    @Transactional
    public HumanService service(UUID id) {
        return services.findByIdOptional(id).orElseThrow(() -> ResourceNotFoundException.of("service", id));
    }

    @Transactional
    public Page<HumanService> services(UUID organizationId, PageRequest page) {
        directory.organization(organizationId);
        var query = services.find("organization.id", Sort.by("name"), organizationId);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    private HumanService editable(UUID serviceId, String ifMatch) {
        HumanService service = service(serviceId);
        directory.requireEditor(service.organization().id());
        Versions.checkIfMatch(ifMatch, service.version());
        return service;
    }

    private static IntakeStatus intake(String code) {
        return code == null ? IntakeStatus.ACCEPTING : IntakeStatus.ofCode(code).orElseThrow(() ->
                new InvalidInputException("intakeStatus", "unknown intake status '" + code
                        + "'; allowed: accepting, waitlist, not_accepting"));
    }

    private static ServiceDescription checked(Organization organization, ServiceInput in) {
        List<FieldViolation> violations = new ArrayList<>();
        DirectoryCodes codes = new DirectoryCodes(violations);
        codes.supportTypes("supportTypes", in.supportTypes());
        codes.targetGroups("targetGroups", in.targetGroups());
        codes.languages("languages", in.languages());
        Set<String> covered = codes.coveredMunicipalities("areaCodes", in.areaCodes());
        if (in.minimumAge() != null && in.maximumAge() != null && in.minimumAge() > in.maximumAge()) {
            violations.add(new FieldViolation("maximumAge", "must not be below minimumAge (" + in.minimumAge() + ")"));
        }
        var status = in.status() == null ? Optional.of(ServiceStatus.ACTIVE) : ServiceStatus.ofCode(in.status());
        if (status.isEmpty()) {
            violations.add(new FieldViolation("status", "unknown status '" + in.status()
                    + "'; allowed: active, inactive, temporarily_closed"));
        }
        List<UUID> locationIds = in.locationIds() == null ? List.of() : in.locationIds();
        Set<UUID> known = organization.locations().stream().map(Location::id).collect(Collectors.toSet());
        for (int i = 0; i < locationIds.size(); i++) {
            if (!known.contains(locationIds.get(i))) {
                violations.add(new FieldViolation("locationIds[" + i + "]", "not a location of organisation "
                        + organization.id()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ServiceDescription(in.name(), in.description(), DirectoryCodes.distinct(in.supportTypes()),
                DirectoryCodes.distinct(in.targetGroups()), in.minimumAge(), in.maximumAge(), in.eligibility(),
                DirectoryCodes.distinct(in.languages()), in.fees(), in.howToApply(), status.get(),
                DirectoryCodes.distinct(in.areaCodes()), covered, locationIds, in.contacts());
    }
}
