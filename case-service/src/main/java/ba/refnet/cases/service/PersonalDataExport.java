package ba.refnet.cases.service;

import ba.refnet.cases.domain.Assessment;
import ba.refnet.cases.domain.AuditEntry;
import ba.refnet.cases.domain.CaseMember;
import ba.refnet.cases.domain.CaseNote;
import ba.refnet.cases.domain.Consent;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.FamilyConference;
import ba.refnet.cases.domain.PlanItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A data subject's access request: everything this service holds about one person, with the household records
 * that concern them and who has read them. Answered to the owning organisation, which hands it to the person.
 */
@ApplicationScoped
public class PersonalDataExport {

    @Inject
    CaseIntake intake;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    CaseReferrals referrals;

    public record PersonalData(Instant exportedAt, CaseMember person, FamilyCase household, List<Consent> consents,
            List<Assessment> assessments, List<PlanItem> planItems, List<CaseNote> notes,
            List<FamilyConference> conferences, List<CaseReferrals.CaseReferral> referrals,
            List<AuditEntry> accessLog) {
    }

    @Transactional
    public PersonalData export(UUID caseId, UUID memberId) {
        FamilyCase familyCase = intake.read(caseId, "data subject access request");
        CaseMember person = familyCase.member(memberId);
        audit.record("person.export", "member", memberId, "data subject access request");
        List<Consent> consents = list("from Consent c where c.caseId = :id order by c.givenAt", Consent.class, caseId)
                .stream().filter(c -> c.memberIds().contains(memberId) || memberId.equals(c.givenByMemberId()))
                .toList();
        List<AuditEntry> accessLog = em.createQuery("""
                from AuditEntry a where a.recordId = :case or a.recordId = :member order by a.at""", AuditEntry.class)
                .setParameter("case", caseId).setParameter("member", memberId).getResultList();
        return new PersonalData(clock.instant(), person, familyCase, consents,
                list("from Assessment a where a.caseId = :id order by a.assessedAt", Assessment.class, caseId),
                list("from PlanItem p where p.caseId = :id order by p.dueDate", PlanItem.class, caseId),
                list("from CaseNote n where n.caseId = :id order by n.at", CaseNote.class, caseId),
                list("from FamilyConference f where f.caseId = :id order by f.heldOn", FamilyConference.class, caseId),
                referrals.stored(caseId), accessLog);
    }

    private <T> List<T> list(String query, Class<T> type, UUID caseId) {
        return em.createQuery(query, type).setParameter("id", caseId).getResultList();
    }
}
