package ba.refnet.cases.service;

import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.FamilyConference;
import ba.refnet.cases.domain.FamilyConference.DropOutReason;
import ba.refnet.cases.domain.FamilyConference.Outcome;
import ba.refnet.cases.domain.FamilyConference.Participants;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.time.NetworkTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
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
    DomainEventOutbox events;

    @Inject
    Clock clock;

    @Inject
    NetworkTime time;

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
        FamilyConference conference = FamilyConference.record(familyCase, request.heldOn(), request.coordinator(),
                request.participants(), request.decisions(), request.familyPlan(), request.followUpOn(), outcome,
                caller.subject(), time.today(), clock.instant());
        em.persist(conference);
        audit.record("conference.record", "conference", conference.id(), "family group conference");
        events.publishFrom(conference);
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
        conference.dropOut(reason, familyCase.organizationId(), clock.instant());
        audit.record("conference.drop-out", "conference", conferenceId, "family group conference");
        events.publishFrom(conference);
        return conference;
    }

    @Transactional
    public List<FamilyConference> of(UUID caseId) {
        intake.read(caseId, "family group conference review");
        return em.createQuery("from FamilyConference where caseId = :id order by heldOn", FamilyConference.class)
                .setParameter("id", caseId).getResultList();
    }
}
