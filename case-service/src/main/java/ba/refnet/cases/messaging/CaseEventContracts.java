package ba.refnet.cases.messaging;

import ba.refnet.cases.domain.ConferenceEvent;
import ba.refnet.cases.domain.ConferenceEvent.ConferenceDroppedOut;
import ba.refnet.cases.domain.ConferenceEvent.ConferenceHeld;
import ba.refnet.cases.domain.ConsentEvent;
import ba.refnet.cases.domain.ConsentEvent.ConsentExpired;
import ba.refnet.cases.domain.ConsentEvent.ConsentGiven;
import ba.refnet.cases.domain.ConsentEvent.ConsentWithdrawn;
import ba.refnet.cases.domain.FamilyCaseEvent;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseClosed;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseMoved;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseOpened;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseReopened;
import ba.refnet.cases.domain.FamilyCaseEvent.MemberAdded;
import ba.refnet.cases.domain.FamilyCaseEvent.MemberChanged;
import ba.refnet.cases.domain.FamilyCaseEvent.NeedsChanged;
import ba.refnet.cases.domain.FamilyCaseEvent.OwnershipTransferred;
import ba.refnet.cases.service.PeopleValidation;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.domain.DomainEvent;
import ba.refnet.chassis.outbox.EventContracts;
import ba.refnet.chassis.outbox.PublishedEvent;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.cases.CaseMemberChangedV1;
import ba.refnet.contracts.cases.CaseNeedsChangedV1;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.cases.CaseOwnershipTransferredV1;
import ba.refnet.contracts.cases.CaseStatus;
import ba.refnet.contracts.cases.CaseStatusChangedV1;
import ba.refnet.contracts.cases.ClosureReason;
import ba.refnet.contracts.cases.ConferenceOutcome;
import ba.refnet.contracts.cases.ConsentExpiredV1;
import ba.refnet.contracts.cases.ConsentGivenV1;
import ba.refnet.contracts.cases.ConsentPurpose;
import ba.refnet.contracts.cases.ConsentScope;
import ba.refnet.contracts.cases.ConsentWithdrawnV1;
import ba.refnet.contracts.cases.DropOutReason;
import ba.refnet.contracts.cases.FamilyConferenceV1;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The case service's published language: each domain event of a case, a consent or a conference as the contract
 * type the network reads. Events of a consent or a conference are keyed by their case, so that a case's events stay
 * in order on one partition.
 */
@ApplicationScoped
public class CaseEventContracts implements EventContracts {

    @Override
    public PublishedEvent toContract(DomainEvent event) {
        return switch (event) {
            case FamilyCaseEvent e -> new PublishedEvent(typeOf(e), e.caseId(), payloadOf(e));
            case ConsentEvent e -> new PublishedEvent(typeOf(e), e.caseId(), payloadOf(e));
            case ConferenceEvent e -> new PublishedEvent(typeOf(e), e.caseId(), payloadOf(e));
            default -> throw new IllegalArgumentException("not an event of the case service: " + event);
        };
    }

    static EventType typeOf(FamilyCaseEvent event) {
        return switch (event) {
            case CaseOpened e -> EventType.CASE_OPENED;
            case MemberAdded e -> EventType.CASE_MEMBER_ADDED;
            case MemberChanged e -> EventType.CASE_MEMBER_CHANGED;
            case NeedsChanged e -> EventType.CASE_NEEDS_CHANGED;
            case CaseMoved e -> EventType.CASE_STATUS_CHANGED;
            case CaseClosed e -> EventType.CASE_CLOSED;
            case CaseReopened e -> EventType.CASE_REOPENED;
            case OwnershipTransferred e -> EventType.CASE_OWNERSHIP_TRANSFERRED;
        };
    }

    static Object payloadOf(FamilyCaseEvent event) {
        return switch (event) {
            case CaseOpened e -> new CaseOpenedV1(e.caseId(), e.organizationId(), e.municipalityCode(),
                    e.members().stream().map(PeopleValidation::person).toList(), e.vulnerabilities(), e.needs(),
                    e.openedAt());
            case MemberAdded e -> new CaseMemberChangedV1(e.caseId(), e.organizationId(),
                    PeopleValidation.person(e.member()), e.addedAt());
            case MemberChanged e -> new CaseMemberChangedV1(e.caseId(), e.organizationId(),
                    PeopleValidation.person(e.member()), e.changedAt());
            case NeedsChanged e -> new CaseNeedsChangedV1(e.caseId(), e.organizationId(), e.needs(),
                    e.vulnerabilities(), e.changedAt());
            case CaseMoved e -> new CaseStatusChangedV1(e.caseId(), e.organizationId(), status(e.from()),
                    status(e.to()), null, e.movedAt());
            case CaseClosed e -> new CaseStatusChangedV1(e.caseId(), e.organizationId(), status(e.from()),
                    CaseStatus.CLOSED, Codes.as(ClosureReason.class, e.reason()), e.closedAt());
            case CaseReopened e -> new CaseStatusChangedV1(e.caseId(), e.organizationId(), CaseStatus.CLOSED,
                    status(e.to()), null, e.reopenedAt());
            case OwnershipTransferred e -> new CaseOwnershipTransferredV1(e.caseId(), e.fromOrganizationId(),
                    e.toOrganizationId(), e.transferredAt());
        };
    }

    static EventType typeOf(ConsentEvent event) {
        return switch (event) {
            case ConsentGiven e -> EventType.CONSENT_GIVEN;
            case ConsentWithdrawn e -> EventType.CONSENT_WITHDRAWN;
            case ConsentExpired e -> EventType.CONSENT_EXPIRED;
        };
    }

    static Object payloadOf(ConsentEvent event) {
        return switch (event) {
            case ConsentGiven e -> new ConsentGivenV1(e.consentId(), e.caseId(), e.organizationId(), e.memberIds(),
                    purpose(e.purpose()), e.anyNetworkMember(), e.recipientOrganizationIds(),
                    e.scope().stream().map(s -> Codes.as(ConsentScope.class, s)).toList(), e.givenAt(), e.expiresAt());
            case ConsentWithdrawn e -> new ConsentWithdrawnV1(e.consentId(), e.caseId(), e.organizationId(),
                    e.memberIds(), purpose(e.purpose()), e.withdrawnAt());
            case ConsentExpired e -> new ConsentExpiredV1(e.consentId(), e.caseId(), e.organizationId(),
                    e.memberIds(), purpose(e.purpose()), e.expiredAt());
        };
    }

    static EventType typeOf(ConferenceEvent event) {
        return switch (event) {
            case ConferenceHeld e -> EventType.CONFERENCE_HELD;
            case ConferenceDroppedOut e -> EventType.CONFERENCE_DROPPED_OUT;
        };
    }

    static Object payloadOf(ConferenceEvent event) {
        return switch (event) {
            case ConferenceHeld e -> conference(e.conferenceId(), e.caseId(), e.organizationId(), e.heldOn(),
                    e.participants(), Codes.as(ConferenceOutcome.class, e.outcome()), null, e.recordedAt());
            case ConferenceDroppedOut e -> conference(e.conferenceId(), e.caseId(), e.organizationId(), e.heldOn(),
                    e.participants(), Codes.as(ConferenceOutcome.class, e.outcome()),
                    Codes.as(DropOutReason.class, e.reason()), e.recordedAt());
        };
    }

    /** Counts by role only: who the coordinator was and what was decided stay in the case service. */
    private static FamilyConferenceV1 conference(UUID conferenceId, UUID caseId, UUID organizationId,
            LocalDate heldOn, ba.refnet.cases.domain.FamilyConference.Participants p, ConferenceOutcome outcome,
            DropOutReason droppedOutFor, Instant recordedAt) {
        return new FamilyConferenceV1(conferenceId, caseId, organizationId, heldOn, p.children(), p.parents(),
                p.extendedFamily(), p.professionals(), outcome, droppedOutFor != null, droppedOutFor, recordedAt);
    }

    private static CaseStatus status(Enum<?> status) {
        return Codes.as(CaseStatus.class, status);
    }

    private static ConsentPurpose purpose(Enum<?> purpose) {
        return Codes.as(ConsentPurpose.class, purpose);
    }
}
