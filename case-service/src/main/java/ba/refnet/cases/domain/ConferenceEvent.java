package ba.refnet.cases.domain;

import ba.refnet.cases.domain.FamilyConference.DropOutReason;
import ba.refnet.cases.domain.FamilyConference.Outcome;
import ba.refnet.cases.domain.FamilyConference.Participants;
import ba.refnet.chassis.domain.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happens to a family group conference: counts by role and codes, never its decisions or plan. */
public sealed interface ConferenceEvent extends DomainEvent {

    UUID caseId();

    record ConferenceHeld(UUID conferenceId, UUID caseId, UUID organizationId, LocalDate heldOn,
            Participants participants, Outcome outcome, Instant recordedAt) implements ConferenceEvent {
    }

    record ConferenceDroppedOut(UUID conferenceId, UUID caseId, UUID organizationId, LocalDate heldOn,
            Participants participants, Outcome outcome, DropOutReason reason, Instant recordedAt)
            implements ConferenceEvent {
    }
}
