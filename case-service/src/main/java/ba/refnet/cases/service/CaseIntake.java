package ba.refnet.cases.service;

import ba.refnet.cases.config.CaseConfig;
import ba.refnet.cases.domain.AgeBands;
import ba.refnet.cases.domain.CaseMember;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.FamilyCase.NewMember;
import ba.refnet.cases.domain.Jmbg;
import ba.refnet.cases.domain.MemberRole;
import ba.refnet.cases.domain.Sex;
import ba.refnet.cases.domain.Vulnerability;
import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.Outbox;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.common.Person;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Intake: opening a case for a family, and reading the caller's own organisation's cases. */
@ApplicationScoped
public class CaseIntake {

    /** Bosnia and Herzegovina's time zone decides what "today" is for ages. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Sarajevo");

    @Inject
    CaseRepository cases;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    CallerContext caller;

    @Inject
    CaseConfig config;

    @Inject
    DuplicateFinder duplicates;

    private final Clock clock = Clock.systemUTC();

    public record NewCase(String municipalityCode, List<String> vulnerabilities, List<MemberInput> members) {
    }

    public record MemberInput(String role, String givenName, String familyName, String sex, LocalDate birthDate,
            String jmbg) {
    }

    /** An opened case, with the people who may already be registered (warnings only: nothing is merged). */
    public record Opened(FamilyCase familyCase, List<DuplicateFinder.Warning> duplicateWarnings) {
    }

    @Transactional
    public Opened open(NewCase request) {
        UUID organization = caller.requireOrganization();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        List<NewMember> members = validMembers(request.members(), today);
        List<String> vulnerabilities = validVulnerabilities(request.vulnerabilities());
        List<DuplicateFinder.Warning> warnings = duplicates.warnings(candidates(members), organization);
        FamilyCase familyCase = FamilyCase.open(organization, request.municipalityCode(), vulnerabilities, members,
                caller.subject(), now);
        cases.persist(familyCase);
        audit.record("case.open", "case", familyCase.id(), "intake");
        outbox.record(EventType.CASE_OPENED, familyCase.id(), new CaseOpenedV1(familyCase.id(), organization,
                familyCase.municipalityCode(), pseudonymous(familyCase, today), vulnerabilities, now));
        return new Opened(familyCase, warnings);
    }

    /** The duplicate check of an intake, without opening anything. */
    @Transactional
    public List<DuplicateFinder.Warning> duplicateCheck(List<MemberInput> members) {
        UUID organization = caller.requireOrganization();
        return duplicates.warnings(candidates(validMembers(members, LocalDate.now(ZONE))), organization);
    }

    private static List<DuplicateFinder.Candidate> candidates(List<NewMember> members) {
        return members.stream().map(m -> new DuplicateFinder.Candidate(m.givenName(), m.familyName(), m.birthDate(),
                m.identityHash())).toList();
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
        var query = cases.find("organizationId", Sort.descending("openedAt"), organization);
        List<FamilyCase> items = query.page(page.page(), page.size()).list();
        items.forEach(c -> audit.record("case.list", "case", c.id(), "worklist"));
        return Page.of(items, page, query.count());
    }

    private List<Person> pseudonymous(FamilyCase familyCase, LocalDate today) {
        AgeBands bands = new AgeBands(config.ageBands().youthFrom(), config.ageBands().adultFrom());
        return familyCase.members().stream()
                .map((CaseMember m) -> new Person(m.id().toString(), m.role().code(),
                        bands.bandOf(m.birthDate(), today), m.sex().code()))
                .toList();
    }

    private List<NewMember> validMembers(List<MemberInput> inputs, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        List<NewMember> members = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MemberInput in = inputs.get(i);
            String at = "members[" + i + "].";
            var role = MemberRole.ofCode(in.role());
            var sex = Sex.ofCode(in.sex());
            if (role.isEmpty()) {
                violations.add(new FieldViolation(at + "role",
                        "unknown role; allowed: child, parent_or_guardian, extended_family, other, self"));
            }
            if (sex.isEmpty()) {
                violations.add(new FieldViolation(at + "sex", "unknown sex; allowed: female, male, unknown"));
            }
            if (in.birthDate() != null && (in.birthDate().isAfter(today) || in.birthDate().isBefore(today.minusYears(120)))) {
                violations.add(new FieldViolation(at + "birthDate", "must be a real birth date, not in the future"));
            }
            LocalDate birthDate = in.birthDate();
            String identityHash = null;
            if (in.jmbg() != null && !in.jmbg().isBlank()) {
                var problem = Jmbg.problem(in.jmbg());
                if (problem.isPresent()) {
                    violations.add(new FieldViolation(at + "jmbg", problem.get()));
                } else {
                    LocalDate fromJmbg = Jmbg.birthDate(in.jmbg()).orElseThrow();
                    if (birthDate != null && !birthDate.equals(fromJmbg)) {
                        violations.add(new FieldViolation(at + "birthDate", "does not match the JMBG's date " + fromJmbg));
                    }
                    birthDate = fromJmbg;
                    identityHash = duplicates.identityHash(in.jmbg());
                }
            }
            if (role.isPresent() && sex.isPresent()) {
                members.add(new NewMember(role.get(), in.givenName(), in.familyName(), sex.get(), birthDate,
                        identityHash));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return members;
    }

    private static List<String> validVulnerabilities(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (Vulnerability.ofCode(codes.get(i)).isEmpty()) {
                violations.add(new FieldViolation("vulnerabilities[" + i + "]",
                        "unknown category '" + codes.get(i) + "'; allowed: " + Vulnerability.allowedCodes()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return codes.stream().distinct().toList();
    }
}
