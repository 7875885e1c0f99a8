package ba.refnet.cases.service;

import ba.refnet.cases.config.CaseConfig;
import ba.refnet.cases.domain.AgeBands;
import ba.refnet.cases.domain.CaseMember;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.FamilyCase.NewMember;
import ba.refnet.cases.domain.Jmbg;
import ba.refnet.cases.domain.MemberRole;
import ba.refnet.cases.domain.Pseudonym;
import ba.refnet.cases.domain.Sex;
import ba.refnet.cases.domain.Vulnerability;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.time.NetworkTime;
import ba.refnet.contracts.common.Person;
import ba.refnet.reference.CodeList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns what a caller says about people and needs into checked domain values (intake, corrections, imports), and
 * people into their pseudonymous form for events.
 */
@ApplicationScoped
public class PeopleValidation {

    @Inject
    DuplicateFinder duplicates;

    /** The network's time zone decides what "today" is for ages. */
    @Inject
    NetworkTime time;

    @Inject
    CaseConfig config;

    public record MemberInput(String role, String givenName, String familyName, String sex, LocalDate birthDate,
            Integer estimatedAge, String jmbg) {
    }

    /** The network's calendar decides what "today" is for ages. */
    public LocalDate today() {
        return time.today();
    }

    /** The configured age bands as of today: what an event says of a person's age. */
    public AgeBands.On ages() {
        return new AgeBands(config.ageBands().youthFrom(), config.ageBands().adultFrom()).on(today());
    }

    /** Every member checked; all violations at once, each naming its field under {@code prefix}. */
    public List<NewMember> members(String prefix, List<MemberInput> inputs) {
        List<FieldViolation> violations = new ArrayList<>();
        List<NewMember> members = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            member(prefix + "[" + i + "].", inputs.get(i), violations).ifPresent(members::add);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return members;
    }

    public NewMember member(String prefix, MemberInput input) {
        List<FieldViolation> violations = new ArrayList<>();
        var member = member(prefix, input, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return member.orElseThrow();
    }

    private Optional<NewMember> member(String at, MemberInput in, List<FieldViolation> violations) {
        LocalDate today = time.today();
        var role = MemberRole.ofCode(in.role());
        var sex = Sex.ofCode(in.sex());
        if (role.isEmpty()) {
            violations.add(new FieldViolation(at + "role", "unknown role; allowed: " + Codes.allowed(MemberRole.class)));
        }
        if (sex.isEmpty()) {
            violations.add(new FieldViolation(at + "sex", "unknown sex; allowed: " + Codes.allowed(Sex.class)));
        }
        LocalDate birthDate = in.birthDate();
        boolean estimated = false;
        if (birthDate != null && (birthDate.isAfter(today) || birthDate.isBefore(today.minusYears(120)))) {
            violations.add(new FieldViolation(at + "birthDate", "must be a real birth date, not in the future"));
        }
        if (in.estimatedAge() != null) {
            if (birthDate != null) {
                violations.add(new FieldViolation(at + "estimatedAge", "give a birth date or an estimated age, not both"));
            } else if (in.estimatedAge() < 0 || in.estimatedAge() > 120) {
                violations.add(new FieldViolation(at + "estimatedAge", "must be between 0 and 120 years"));
            } else {
                birthDate = today.minusYears(in.estimatedAge());
                estimated = true;
            }
        }
        String identityHash = null;
        if (in.jmbg() != null && !in.jmbg().isBlank()) {
            var problem = Jmbg.problem(in.jmbg());
            if (problem.isPresent()) {
                violations.add(new FieldViolation(at + "jmbg", problem.get()));
            } else {
                LocalDate fromJmbg = Jmbg.birthDate(in.jmbg()).orElseThrow();
                if (birthDate != null && !estimated && !birthDate.equals(fromJmbg)) {
                    violations.add(new FieldViolation(at + "birthDate", "does not match the JMBG's date " + fromJmbg));
                }
                birthDate = fromJmbg;
                estimated = false;
                identityHash = duplicates.identityHash(in.jmbg());
            }
        }
        if (role.isEmpty() || sex.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NewMember(role.get(), in.givenName(), in.familyName(), sex.get(), birthDate,
                estimated, identityHash));
    }

    public List<String> vulnerabilities(List<String> codes) {
        return checked("vulnerabilities", codes, code -> Vulnerability.ofCode(code).isPresent(),
                "unknown category '%s'; allowed: " + Vulnerability.allowedCodes());
    }

    /** Where a household lives: a municipality or city of Bosnia and Herzegovina, by its code. */
    public String municipality(String code) {
        if (code != null && !CodeList.administrativeUnits().isMunicipality(code)) {
            throw new InvalidInputException("municipalityCode", "unknown municipality code '" + code
                    + "'; see GET /administrative-units in the organisation registry");
        }
        return code;
    }

    /** Needs are support-type codes of the network's taxonomy. */
    public List<String> needs(String field, List<String> codes) {
        return checked(field, codes, CodeList.supportTypes()::contains,
                "unknown support type '%s'; see GET /support-types in the organisation registry");
    }

    private static List<String> checked(String field, List<String> codes, Predicate<String> known,
            String message) {
        if (codes == null) {
            return List.of();
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!known.test(codes.get(i))) {
                violations.add(new FieldViolation(field + "[" + i + "]", message.formatted(codes.get(i))));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return codes.stream().distinct().toList();
    }

    public List<DuplicateFinder.Candidate> candidates(List<NewMember> members) {
        // an estimated date is not a birth date: matching on it would only raise false alarms
        return members.stream().map(m -> new DuplicateFinder.Candidate(m.givenName(), m.familyName(),
                m.birthDateEstimated() ? null : m.birthDate(), m.identityHash())).toList();
    }

    /** A person as events and referral packets show them: an opaque id, role, age band and sex. */
    public Person pseudonymous(CaseMember member) {
        return person(Pseudonym.of(member, ages()));
    }

    public static Person person(Pseudonym member) {
        return new Person(member.memberId().toString(), member.role().code(), member.ageBand(), member.sex().code());
    }

    public List<Person> pseudonymous(FamilyCase familyCase) {
        return familyCase.members().stream().map(this::pseudonymous).toList();
    }
}
