package ba.refnet.cases.service;

import ba.refnet.cases.domain.Assessment;
import ba.refnet.cases.domain.CaseMember;
import ba.refnet.cases.domain.Consent;
import ba.refnet.cases.domain.ConsentScope;
import ba.refnet.cases.domain.Contact;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.cases.persistence.ConsentRepository;
import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.contracts.common.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a receiving organisation may see of a family through a referral it accepted: the people the referral was
 * about, and only the data categories its consents (or a child-protection override) cover. Every packet read is
 * audited on the case.
 */
@ApplicationScoped
public class ReferralPackets {

    private static final Set<String> OPEN_FOR_RECEIVER = Set.of("accepted", "in_progress", "on_hold");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CaseRepository cases;

    @Inject
    ConsentRepository consents;

    @Inject
    PeopleValidation people;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext caller;

    public record PacketPerson(UUID memberId, String role, String ageBand, String sex, String givenName,
            String familyName, LocalDate birthDate, Boolean birthDateEstimated) {
    }

    public record PacketAssessment(String strengths, String risks, List<String> needs, String summary,
            Instant assessedAt) {
    }

    public record Packet(UUID referralId, UUID caseId, UUID owningOrganizationId, String referralStatus,
            List<String> sharedScope, String municipalityCode, List<PacketPerson> people, List<Person> household,
            List<String> needs, List<String> vulnerabilities, Contact contact, PacketAssessment assessment) {
    }

    private record Sharing(UUID caseId, String status, List<UUID> memberIds, List<String> scope, List<UUID> consentIds) {
    }

    @Transactional
    public Packet packet(UUID referralId) {
        UUID receiver = caller.requireOrganization();
        Sharing sharing = sharing(referralId, receiver);
        if (!OPEN_FOR_RECEIVER.contains(sharing.status())) {
            throw new ConflictException("the packet is open while you work on the referral (accepted, in progress or "
                    + "on hold); this referral is " + sharing.status());
        }
        Instant now = clock.instant();
        for (UUID consentId : sharing.consentIds()) {
            Consent consent = consents.findByIdOptional(consentId).orElse(null);
            if (consent == null || !consent.inForce(now)) {
                throw new AccessDeniedException("the consent this referral relied on was withdrawn or has expired; "
                        + "the family's details are no longer shared with you");
            }
        }
        FamilyCase familyCase = cases.findByIdOptional(sharing.caseId())
                .orElseThrow(() -> ResourceNotFoundException.of("referral", referralId));
        if (familyCase.anonymisedAt() != null) {
            throw new ConflictException("the case behind this referral was anonymised");
        }
        audit.record("referral.packet", "case", familyCase.id(), "referral " + referralId);
        Set<String> scope = Set.copyOf(sharing.scope());
        boolean identity = scope.contains(ConsentScope.IDENTITY.code());
        List<PacketPerson> referred = familyCase.members().stream()
                .filter(m -> sharing.memberIds().contains(m.id()))
                .map(m -> person(m, identity)).toList();
        return new Packet(referralId, familyCase.id(), familyCase.organizationId(), sharing.status(),
                sharing.scope(), familyCase.municipalityCode(), referred,
                scope.contains(ConsentScope.HOUSEHOLD.code()) ? people.pseudonymous(familyCase) : null,
                scope.contains(ConsentScope.NEEDS.code()) ? familyCase.needs() : null,
                scope.contains(ConsentScope.NEEDS.code()) ? familyCase.vulnerabilities() : null,
                scope.contains(ConsentScope.CONTACT.code()) ? familyCase.contact() : null,
                scope.contains(ConsentScope.ASSESSMENT.code()) ? latestAssessment(familyCase.id()) : null);
    }

    private PacketPerson person(CaseMember m, boolean identity) {
        Person p = people.pseudonymous(m);
        return identity
                ? new PacketPerson(m.id(), p.role(), p.ageBand(), p.sex(), m.givenName(), m.familyName(), m.birthDate(),
                        m.birthDateEstimated())
                : new PacketPerson(m.id(), p.role(), p.ageBand(), p.sex(), null, null, null, null);
    }

    private PacketAssessment latestAssessment(UUID caseId) {
        return em.createQuery("from Assessment a where a.caseId = :id order by a.assessedAt desc", Assessment.class)
                .setParameter("id", caseId).setMaxResults(1).getResultStream()
                .map(a -> new PacketAssessment(a.strengths(), a.risks(), a.needs(), a.summary(), a.assessedAt()))
                .findFirst().orElse(null);
    }

    /** A referral to another organisation answers like a missing one. */
    private Sharing sharing(UUID referralId, UUID receiver) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT case_id, status, member_ids, shared_scope, consent_ids FROM case_referral
                WHERE referral_id = ?1 AND receiving_organization_id = ?2""")
                .setParameter(1, referralId).setParameter(2, receiver).getResultList();
        if (rows.isEmpty()) {
            throw ResourceNotFoundException.of("referral", referralId);
        }
        Object[] r = rows.get(0);
        return new Sharing((UUID) r[0], (String) r[1], Arrays.asList((UUID[]) r[2]), Arrays.asList((String[]) r[3]),
                Arrays.asList((UUID[]) r[4]));
    }
}
