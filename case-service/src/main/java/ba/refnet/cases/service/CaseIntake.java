package ba.refnet.cases.service;

import ba.refnet.cases.domain.Contact;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.FamilyCase.NewMember;
import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.cases.service.PeopleValidation.MemberInput;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.persistence.BoundedCount;
import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Intake: opening a case for a family, and reading the caller's own organisation's cases. */
@ApplicationScoped
public class CaseIntake {

    @Inject
    CaseRepository cases;

    @Inject
    AuditTrail audit;

    @Inject
    DomainEventOutbox events;

    @Inject
    CallerContext caller;

    @Inject
    PeopleValidation people;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    Clock clock;

    public record NewCase(String municipalityCode, List<String> vulnerabilities, List<String> needs, Contact contact,
            List<MemberInput> members) {
    }

    /** An opened case, with the people who may already be registered (warnings only: nothing is merged). */
    public record Opened(FamilyCase familyCase, List<DuplicateFinder.Warning> duplicateWarnings) {
    }

    @Transactional
    public Opened open(NewCase request) {
        UUID organization = caller.requireOrganization();
        Checked checked = check(request);
        List<DuplicateFinder.Warning> warnings = duplicates.warnings(people.candidates(checked.members()), organization);
        return new Opened(openChecked(organization, request, checked), warnings);
    }

    /** A request whose every part passed validation. */
    public record Checked(List<NewMember> members, List<String> vulnerabilities, List<String> needs) {
    }

    /** Validates everything a new case says, reporting all violations at once. */
    public Checked check(NewCase request) {
        List<FieldViolation> violations = new ArrayList<>();
        List<NewMember> members = collect(violations, () -> people.members("members", request.members()));
        List<String> vulnerabilities = collect(violations, () -> people.vulnerabilities(request.vulnerabilities()));
        List<String> needs = collect(violations, () -> people.needs("needs", request.needs()));
        collect(violations, () -> {
            people.municipality(request.municipalityCode());
            return List.of();
        });
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Checked(members, vulnerabilities, needs);
    }

    private static <T> List<T> collect(List<FieldViolation> violations, Supplier<List<T>> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            return List.of();
        }
    }

    /** Opens a case that {@link #check} passed, for the given organisation; audited and published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FamilyCase openChecked(UUID organization, NewCase request, Checked checked) {
        Instant now = clock.instant();
        FamilyCase familyCase = FamilyCase.open(organization, request.municipalityCode(), checked.vulnerabilities(),
                checked.needs(), request.contact() == null ? Contact.NONE : request.contact(), checked.members(),
                caller.subject(), people.ages(), now);
        cases.persist(familyCase);
        audit.record("case.open", "case", familyCase.id(), "intake");
        events.publishFrom(familyCase);
        return familyCase;
    }

    /** The duplicate check of an intake, without opening anything. */
    @Transactional
    public List<DuplicateFinder.Warning> duplicateCheck(List<MemberInput> members) {
        UUID organization = caller.requireOrganization();
        return duplicates.warnings(people.candidates(people.members("members", members)), organization);
    }

    /** A case of another organisation answers like a missing one: its existence is not revealed. */
    @Transactional
    public FamilyCase read(UUID id, String purpose) {
        UUID organization = caller.requireOrganization();
        FamilyCase familyCase = cases.findByIdOptional(id).filter(c -> c.ownedBy(organization))
                .orElseThrow(() -> ResourceNotFoundException.of("case", id));
        audit.record("case.read", "case", id, purpose);
        return familyCase;
    }

    @Transactional
    public Page<FamilyCase> ownCases(PageRequest page) {
        UUID organization = caller.requireOrganization();
        QueryConditions where = new QueryConditions().add("c.organizationId = :org", "org", organization);
        String from = "from FamilyCase c where " + where;
        String newestFirst = "c.openedAt desc";
        List<FamilyCase> items = cases.find(from + " order by " + newestFirst, where.parameters())
                .page(page.page(), page.size()).list();
        items.forEach(c -> audit.record("case.list", "case", c.id(), "worklist"));
        return Page.of(items, page, BoundedCount.of(cases.getEntityManager(), "c.id", from, newestFirst, where));
    }
}
