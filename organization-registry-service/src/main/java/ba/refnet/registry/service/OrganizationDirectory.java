package ba.refnet.registry.service;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.registry.domain.LegalForm;
import ba.refnet.registry.domain.Location;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.domain.OrganizationProfile;
import ba.refnet.registry.domain.Phone;
import ba.refnet.registry.persistence.HumanServiceRepository;
import ba.refnet.registry.persistence.OrganizationRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The organisations of the directory: network administrators register and deactivate them; an organisation's
 * administrators keep its own entry current. Every change is published.
 */
@ApplicationScoped
public class OrganizationDirectory {

    @Inject
    OrganizationRepository organizations;

    @Inject
    HumanServiceRepository services;

    @Inject
    DomainEventOutbox events;

    @Inject
    CallerContext caller;

    @Inject
    Clock clock;

    /** An organisation's entry as a caller gives it, before its codes and references are checked. */
    public record OrganizationInput(String name, List<String> alternateNames, String legalForm,
            String registrationNumber, String taxId, String description, String website, String email,
            List<Phone> phones, UUID parentOrganizationId, String municipalityCode, List<Location> locations) {
    }

    @Transactional
    public Organization register(UUID id, OrganizationInput input) {
        if (id != null && organizations.findByIdOptional(id).isPresent()) {
            throw new ConflictException("organisation " + id + " is already registered");
        }
        UUID newId = id == null ? UUID.randomUUID() : id;
        OrganizationProfile profile = checked(newId, input);
        Instant now = clock.instant();
        Organization organization = Organization.register(newId, profile, now);
        organizations.persist(organization);
        events.publishFrom(organization);
        return organization;
    }

    /** Network administrators edit any entry; an organisation's administrators only their own. */
    @Transactional
    public Organization update(UUID id, OrganizationInput input, String ifMatch) {
        Organization organization = organization(id);
        requireEditor(id);
        Versions.checkIfMatch(ifMatch, organization.version());
        OrganizationProfile profile = checked(id, input);
        if (profile.equals(organization.profile())) {
            return organization;
        }
        Instant now = clock.instant();
        organization.describe(profile, now);
        organizations.flush();
        events.publishFrom(organization);
        return organization;
    }

    @Transactional
    public Organization deactivate(UUID id, String ifMatch) {
        Organization organization = organization(id);
        Versions.checkIfMatch(ifMatch, organization.version());
        Instant now = clock.instant();
        organization.deactivate(now);
        services.list("organization.id", id).forEach(s -> s.unlist(now));
        organizations.flush();
        events.publishFrom(organization);
        return organization;
    }

    @Transactional
    public Organization organization(UUID id) {
        return organizations.findByIdOptional(id).orElseThrow(() -> ResourceNotFoundException.of("organisation", id));
    }

    @Transactional
    public Page<Organization> organizations(PageRequest page) {
        var query = organizations.findAll(Sort.by("name"));
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    void requireEditor(UUID organizationId) {
        if (!caller.hasRole(Roles.NETWORK_ADMIN) && !caller.belongsTo(organizationId)) {
            throw new AccessDeniedException("you may edit only your own organisation's entry and services");
        }
    }

    private OrganizationProfile checked(UUID id, OrganizationInput in) {
        List<FieldViolation> violations = new ArrayList<>();
        DirectoryCodes codes = new DirectoryCodes(violations);
        var legalForm = LegalForm.ofCode(in.legalForm());
        if (legalForm.isEmpty()) {
            violations.add(new FieldViolation("legalForm", "unknown legal form '" + in.legalForm() + "'; allowed: "
                    + LegalForm.allowedCodes()));
        }
        codes.municipality("municipalityCode", in.municipalityCode());
        List<Location> locations = in.locations() == null ? List.of() : in.locations();
        for (int i = 0; i < locations.size(); i++) {
            codes.municipality("locations[" + i + "].municipalityCode", locations.get(i).municipalityCode());
        }
        if (in.parentOrganizationId() != null && (in.parentOrganizationId().equals(id)
                || organizations.findByIdOptional(in.parentOrganizationId()).isEmpty())) {
            violations.add(new FieldViolation("parentOrganizationId", "must be another registered organisation"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (in.registrationNumber() != null && organizations.taken("registrationNumber", in.registrationNumber(), id)) {
            throw new ConflictException("registrationNumber: another organisation is registered under "
                    + in.registrationNumber());
        }
        if (in.taxId() != null && organizations.taken("taxId", in.taxId(), id)) {
            throw new ConflictException("taxId: another organisation is registered under " + in.taxId());
        }
        return new OrganizationProfile(in.name(), DirectoryCodes.distinct(in.alternateNames()), legalForm.get(),
                in.registrationNumber(), in.taxId(), in.description(), in.website(), in.email(), in.phones(),
                in.parentOrganizationId(), in.municipalityCode(), locations);
    }
}
