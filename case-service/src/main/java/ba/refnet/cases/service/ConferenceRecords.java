package ba.refnet.cases.service;

import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.FamilyConference;
import ba.refnet.cases.domain.FamilyConference.DropOutReason;
import ba.refnet.cases.domain.FamilyConference.Outcome;
import ba.refnet.cases.domain.FamilyConference.Participants;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.Outbox;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.cases.FamilyConferenceV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Family group conferences on the caller's own cases; their counts reach reporting as events. */
@ApplicationScoped
public class ConferenceRecords {

    @Inject
    CaseIntake intake;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    CallerContext caller;

    public record NewConference(LocalDate heldOn, String coordinator, Participants participants, String decisions,
            String familyPlan, LocalDate followUpOn, String outcome) {
    }

    @Transactional
    public FamilyConference record(UUID caseId, NewConference request) {
        FamilyCase familyCase = intake.read(caseId, "family group conference");
        Outcome outcome = Codes.parse(Outcome.class, request.outcome()).orElseThrow(() -> new InvalidInputException(
                "outcome", "must be one of " + Codes.allowed(Outcome.class)));
        Instant now = Instant.now();
        FamilyConference conference = FamilyConference.record(caseId, request.heldOn(), request.coordinator(),
                request.participants(), request.decisions(), request.familyPlan(), request.followUpOn(), outcome,
                caller.subject(), LocalDate.now(ZoneId.of("Europe/Sarajevo")), now);
        em.persist(conference);
        audit.record("conference.record", "conference", conference.id(), "family group conference");
        publish(EventType.CONFERENCE_HELD, familyCase, conference);
        return conference;
    }

    @Transactional
    public FamilyConference dropOut(UUID caseId, UUID conferenceId, String reasonCode) {
        FamilyCase familyCase = intake.read(caseId, "family group conference");
        DropOutReason reason = Codes.parse(DropOutReason.class, reasonCode).orElseThrow(() ->
                new InvalidInputException("reasonCode", "must be one of " + Codes.allowed(DropOutReason.class)));
        FamilyConference conference = em.find(FamilyConference.class, conferenceId);
        if (conference == null || !conference.caseId().equals(caseId)) {
            throw ResourceNotFoundException.of("conference", conferenceId);
        }
        conference.dropOut(reason);
        audit.record("conference.drop-out", "conference", conferenceId, "family group conference");
        publish(EventType.CONFERENCE_DROPPED_OUT, familyCase, conference);
        return conference;
    }

    @Transactional
    public List<FamilyConference> of(UUID caseId) {
        intake.read(caseId, "family group conference review");
        return em.createQuery("from FamilyConference where caseId = :id order by heldOn", FamilyConference.class)
                .setParameter("id", caseId).getResultList();
    }

    private void publish(EventType type, FamilyCase familyCase, FamilyConference c) {
        Participants p = c.participants();
        outbox.record(type, familyCase.id(), new FamilyConferenceV1(c.id(), familyCase.id(),
                familyCase.organizationId(), c.heldOn(), p.children(), p.parents(), p.extendedFamily(),
                p.professionals(), FamilyConference.code(c.outcome()), c.droppedOut(),
                FamilyConference.code(c.dropOutReason()), Instant.now()));
    }
}
