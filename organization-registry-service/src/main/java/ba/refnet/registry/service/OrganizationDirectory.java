package ba.refnet.registry.service;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.Outbox;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.contracts.registry.ServiceAddedV1;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.domain.IntakeStatus;
import ba.refnet.registry.domain.LegalForm;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.persistence.HumanServiceRepository;
import ba.refnet.registry.persistence.OrganizationRepository;
import ba.refnet.registry.persistence.SupportTypeCatalog;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Use cases of the directory: registering organisations and their services, and reading them. */
@ApplicationScoped
public class OrganizationDirectory {

    @Inject
    OrganizationRepository organizations;

    @Inject
    HumanServiceRepository services;

    @Inject
    SupportTypeCatalog supportTypes;

    @Inject
    Outbox outbox;

    @Inject
    CallerContext caller;

    private final Clock clock = Clock.systemUTC();

    public record NewOrganization(UUID id, String name, String legalForm, String municipalityCode, String email,
            String registrationNumber) {
    }

    public record NewService(String name, String description, List<String> supportTypes, String intakeStatus) {
    }

    @Transactional
    public Organization register(NewOrganization request) {
        LegalForm legalForm = LegalForm.ofCode(request.legalForm()).orElseThrow(() -> new InvalidInputException(
                "legalForm", "unknown legal form '" + request.legalForm() + "'; allowed: " + LegalForm.allowedCodes()));
        if (request.id() != null && organizations.findByIdOptional(request.id()).isPresent()) {
            throw new ConflictException("organisation " + request.id() + " is already registered");
        }
        if (organizations.registrationNumberTaken(request.registrationNumber())) {
            throw new ConflictException("an organisation with registration number " + request.registrationNumber()
                    + " is already registered");
        }
        Instant now = clock.instant();
        Organization organization = Organization.register(
                request.id() == null ? UUID.randomUUID() : request.id(), request.name(), legalForm, request.municipalityCode(),
                request.email(), request.registrationNumber(), now);
        organizations.persist(organization);
        outbox.record(EventType.ORGANIZATION_REGISTERED, organization.id(), new OrganizationRegisteredV1(
                organization.id(), organization.name(), legalForm.code(), organization.municipalityCode(), now));
        return organization;
    }

    @Transactional
    public Organization organization(UUID id) {
        return organizations.findByIdOptional(id).orElseThrow(() -> ResourceNotFoundException.of("organisation", id));
    }

    @Transactional
    public Page<Organization> organizations(String nameContains, PageRequest page) {
        String filter = nameContains == null || nameContains.isBlank() ? null
                : "%" + nameContains.strip().toLowerCase() + "%";
        var query = filter == null ? organizations.findAll(Sort.by("name"))
                : organizations.find("lower(name) like ?1", Sort.by("name"), filter);
        List<Organization> items = query.page(page.page(), page.size()).list();
        return Page.of(items, page, query.count());
    }

    /** Network administrators add services to any organisation; organisation administrators only to their own. */
    @Transactional
    public HumanService addService(UUID organizationId, NewService request) {
        Organization organization = organization(organizationId);
        if (!caller.hasRole(Roles.NETWORK_ADMIN) && !caller.belongsTo(organizationId)) {
            throw new AccessDeniedException("you may add services only to your own organisation");
        }
        IntakeStatus intake = request.intakeStatus() == null ? IntakeStatus.ACCEPTING
                : IntakeStatus.ofCode(request.intakeStatus()).orElseThrow(() -> new InvalidInputException(
                        "intakeStatus", "unknown intake status '" + request.intakeStatus()
                                + "'; allowed: accepting, waitlist, not_accepting"));
        Set<String> unknown = new TreeSet<>(supportTypes.unknown(request.supportTypes()));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("supportTypes", "unknown support type code(s) " + unknown
                    + "; see GET /support-types");
        }
        Instant now = clock.instant();
        HumanService service = organization.offer(request.name(), request.description(),
                request.supportTypes().stream().distinct().toList(), intake, now);
        services.persist(service);
        outbox.record(EventType.SERVICE_ADDED, service.id(), new ServiceAddedV1(service.id(), organizationId,
                service.name(), service.supportTypes(), service.status().code(), intake.code(), now));
        return service;
    }

    @Transactional
    public HumanService service(UUID id) {
        return services.findByIdOptional(id).orElseThrow(() -> ResourceNotFoundException.of("service", id));
    }

    @Transactional
    public Page<HumanService> services(UUID organizationId, PageRequest page) {
        organization(organizationId);
        var query = services.find("organization.id", Sort.by("name"), organizationId);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    @Transactional
    public List<SupportTypeCatalog.SupportType> supportTypes() {
        return supportTypes.all();
    }
}
