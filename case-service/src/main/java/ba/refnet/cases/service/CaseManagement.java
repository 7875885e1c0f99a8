package ba.refnet.cases.service;

import ba.refnet.cases.domain.Assessment;
import ba.refnet.cases.domain.CaseNote;
import ba.refnet.cases.domain.CaseStatus;
import ba.refnet.cases.domain.CaseTransition;
import ba.refnet.cases.domain.ClosureReason;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.PlanItem;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.time.NetworkTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The case-management process on the caller's own cases: status steps, assessment, plan, notes, assignment.
 * Every read and change is audited; status changes are published without notes.
 */
@ApplicationScoped
public class CaseManagement {

    @Inject
    CaseIntake intake;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    @Inject
    NetworkTime time;

    @Inject
    CallerContext caller;

    @Inject
    PeopleValidation people;

    @Transactional
    public FamilyCase move(UUID caseId, String statusCode, String note, String ifMatch) {
        FamilyCase familyCase = current(caseId, ifMatch);
        CaseStatus next = CaseStatus.ofCode(statusCode).orElseThrow(() -> new InvalidInputException("status",
                "must be one of " + Codes.allowed(CaseStatus.class)));
        boolean assessed = count("select count(a) from Assessment a where a.caseId = :id", caseId) > 0;
        boolean planned = count("select count(p) from PlanItem p where p.caseId = :id", caseId) > 0;
        return changed(familyCase, familyCase.moveTo(next, assessed, planned, caller.subject(), note,
                clock.instant()));
    }

    @Transactional
    public FamilyCase close(UUID caseId, String reasonCode, String note, String ifMatch) {
        FamilyCase familyCase = current(caseId, ifMatch);
        ClosureReason reason = ClosureReason.ofCode(reasonCode).orElseThrow(() -> new InvalidInputException(
                "reasonCode", "must be one of " + Codes.allowed(ClosureReason.class)));
        return changed(familyCase, familyCase.close(reason, caller.subject(), note, clock.instant()));
    }

    @Transactional
    public FamilyCase reopen(UUID caseId, String reason, String ifMatch) {
        FamilyCase familyCase = current(caseId, ifMatch);
        return changed(familyCase, familyCase.reopen(caller.subject(), reason, clock.instant()));
    }

    @Transactional
    public FamilyCase assign(UUID caseId, String worker) {
        FamilyCase familyCase = intake.read(caseId, "case assignment");
        familyCase.assignTo(worker);
        audit.record("case.assign", "case", caseId, "case assignment");
        em.flush();
        return familyCase;
    }

    @Transactional
    public List<CaseTransition> history(UUID caseId) {
        intake.read(caseId, "case history");
        return em.createQuery("from CaseTransition where caseId = :id order by at", CaseTransition.class)
                .setParameter("id", caseId).getResultList();
    }

    @Transactional
    public Assessment assess(UUID caseId, String strengths, String risks, List<String> needs, String summary) {
        intake.read(caseId, "assessment");
        Assessment assessment = new Assessment(caseId, strengths, risks, people.needs("needs", needs), summary,
                caller.subject(), clock.instant());
        em.persist(assessment);
        audit.record("case.assess", "case", caseId, "assessment");
        return assessment;
    }

    @Transactional
    public List<Assessment> assessments(UUID caseId) {
        intake.read(caseId, "assessment review");
        return em.createQuery("from Assessment where caseId = :id order by assessedAt desc", Assessment.class)
                .setParameter("id", caseId).getResultList();
    }

    @Transactional
    public PlanItem plan(UUID caseId, String goal, String action, UUID responsibleOrganizationId, LocalDate due) {
        intake.read(caseId, "case planning");
        if (due.isBefore(time.today())) {
            throw new InvalidInputException("dueDate", "cannot be in the past");
        }
        PlanItem item = new PlanItem(caseId, goal, action, responsibleOrganizationId, due, caller.subject(),
                clock.instant());
        em.persist(item);
        audit.record("case.plan", "case", caseId, "case planning");
        return item;
    }

    @Transactional
    public List<PlanItem> plan(UUID caseId) {
        intake.read(caseId, "case plan review");
        return em.createQuery("from PlanItem where caseId = :id order by dueDate", PlanItem.class)
                .setParameter("id", caseId).getResultList();
    }

    @Transactional
    public PlanItem planItemDone(UUID caseId, UUID itemId) {
        intake.read(caseId, "case plan follow-up");
        PlanItem item = em.find(PlanItem.class, itemId);
        if (item == null || !item.caseId().equals(caseId)) {
            throw ResourceNotFoundException.of("plan item", itemId);
        }
        item.markDone();
        audit.record("case.plan.done", "case", caseId, "case plan follow-up");
        return item;
    }

    @Transactional
    public CaseNote note(UUID caseId, String text, CaseNote.Visibility visibility) {
        intake.read(caseId, "case notes");
        CaseNote note = new CaseNote(caseId, text, visibility, caller.subject(), clock.instant());
        em.persist(note);
        audit.record("case.note", "case", caseId, "case notes");
        return note;
    }

    /** Restricted notes stay with their author. */
    @Transactional
    public List<CaseNote> notes(UUID caseId) {
        intake.read(caseId, "case notes");
        String reader = caller.subject();
        return em.createQuery("from CaseNote where caseId = :id order by at", CaseNote.class)
                .setParameter("id", caseId).getResultList().stream().filter(n -> n.readableBy(reader)).toList();
    }

    private FamilyCase current(UUID caseId, String ifMatch) {
        FamilyCase familyCase = intake.read(caseId, "case management");
        Versions.checkIfMatch(ifMatch, familyCase.version());
        return familyCase;
    }

    private FamilyCase changed(FamilyCase familyCase, CaseTransition transition) {
        em.persist(transition);
        audit.record("case.status", "case", familyCase.id(), "case management");
        events.publishFrom(familyCase);
        em.flush();
        return familyCase;
    }

    private long count(String query, UUID caseId) {
        return em.createQuery(query, Long.class).setParameter("id", caseId).getSingleResult();
    }
}
