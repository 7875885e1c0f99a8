package ba.refnet.cases.service;

import ba.refnet.cases.domain.CaseMember;
import ba.refnet.cases.domain.Contact;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.FamilyCase.NewMember;
import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.cases.service.PeopleValidation.MemberInput;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps a household current after intake: people join or are corrected, needs and contact change. Audited; the
 * pseudonymous part of each change is published.
 */
@ApplicationScoped
public class HouseholdChanges {

    @Inject
    CaseIntake intake;

    @Inject
    CaseRepository cases;

    @Inject
    PeopleValidation people;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    AuditTrail audit;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    public record Added(CaseMember member, FamilyCase familyCase, List<DuplicateFinder.Warning> duplicateWarnings) {
    }

    @Transactional
    public Added addMember(UUID caseId, MemberInput input, String ifMatch) {
        FamilyCase familyCase = current(caseId, ifMatch, "member added");
        NewMember checked = people.member("", input);
        List<DuplicateFinder.Warning> warnings = duplicates.warnings(people.candidates(List.of(checked)),
                familyCase.organizationId());
        CaseMember member = familyCase.addMember(checked, people.ages(), clock.instant());
        cases.flush();
        audit.record("member.add", "member", member.id(), "member added");
        events.publishFrom(familyCase);
        return new Added(member, familyCase, warnings);
    }

    /** Corrections of names alone stay in this service; a changed role, sex or age group is published. */
    @Transactional
    public FamilyCase correctMember(UUID caseId, UUID memberId, MemberInput input, String ifMatch) {
        FamilyCase familyCase = current(caseId, ifMatch, "member corrected");
        familyCase.correctMember(memberId, people.member("", input), people.ages(), clock.instant());
        cases.flush();
        audit.record("member.correct", "member", memberId, "member corrected");
        events.publishFrom(familyCase);
        return familyCase;
    }

    @Transactional
    public FamilyCase changeNeeds(UUID caseId, List<String> needs, List<String> vulnerabilities, String ifMatch) {
        FamilyCase familyCase = current(caseId, ifMatch, "needs changed");
        List<String> checkedNeeds = people.needs("needs", needs);
        List<String> checkedVulnerabilities = vulnerabilities == null ? familyCase.vulnerabilities()
                : people.vulnerabilities(vulnerabilities);
        familyCase.changeNeeds(checkedNeeds, checkedVulnerabilities, clock.instant());
        cases.flush();
        audit.record("case.needs", "case", caseId, "needs changed");
        events.publishFrom(familyCase);
        return familyCase;
    }

    @Transactional
    public FamilyCase changeContact(UUID caseId, Contact contact, String ifMatch) {
        FamilyCase familyCase = current(caseId, ifMatch, "contact changed");
        familyCase.contactAt(contact, clock.instant());
        cases.flush();
        audit.record("case.contact", "case", caseId, "contact changed");
        return familyCase;
    }

    private FamilyCase current(UUID caseId, String ifMatch, String purpose) {
        FamilyCase familyCase = intake.read(caseId, purpose);
        Versions.checkIfMatch(ifMatch, familyCase.version());
        return familyCase;
    }
}
