package ba.refnet.referral.messaging;

import ba.refnet.chassis.domain.DomainEvent;
import ba.refnet.chassis.outbox.EventContracts;
import ba.refnet.chassis.outbox.PublishedEvent;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ProtocolDeadline;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.referral.domain.Deadline;
import ba.refnet.referral.domain.NeedMet;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.ReferralEvent;
import ba.refnet.referral.domain.ReferralEvent.Facts;
import ba.refnet.referral.domain.ReferralStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * What this service publishes for each of its domain events: the event type, keyed by the referral, and its payload
 * in the contract's codes. The switches are exhaustive, so a new event or code does not compile until it is mapped
 * here. The domain's codes are its own (a draft, for one, is never published); each maps to the contract's by name.
 */
@ApplicationScoped
public class ReferralEventContracts implements EventContracts {

    @Override
    public PublishedEvent toContract(DomainEvent event) {
        if (!(event instanceof ReferralEvent referralEvent)) {
            throw new IllegalArgumentException("the referral service publishes no " + event.getClass().getName());
        }
        return switch (referralEvent) {
            case ReferralEvent.Requested e -> requested(e);
            case ReferralEvent.Accepted e -> published(EventType.REFERRAL_ACCEPTED, e.referral(),
                    new ReferralAcceptedV1(e.referral().referralId(), e.referral().caseId(),
                            e.referral().sendingOrganizationId(), e.referral().receivingOrganizationId(),
                            e.referral().serviceId(), e.referral().supportTypes(), e.referral().requestedAt(),
                            e.acceptedAt()));
            case ReferralEvent.Rejected e -> changed(EventType.REFERRAL_REJECTED, e, ReferralStatus.REJECTED,
                    e.reason().code(), null, null);
            case ReferralEvent.Cancelled e -> changed(EventType.REFERRAL_CANCELLED, e, ReferralStatus.CANCELLED, null,
                    null, null);
            case ReferralEvent.Started e -> changed(EventType.REFERRAL_STARTED, e, ReferralStatus.IN_PROGRESS, null,
                    null, null);
            case ReferralEvent.Held e -> changed(EventType.REFERRAL_HELD, e, ReferralStatus.ON_HOLD, null, null, null);
            case ReferralEvent.Resumed e -> changed(EventType.REFERRAL_RESUMED, e, e.to(), null, null, null);
            case ReferralEvent.Completed e -> changed(EventType.REFERRAL_COMPLETED, e, ReferralStatus.COMPLETED, null,
                    e.needMet(), null);
            case ReferralEvent.Failed e -> changed(EventType.REFERRAL_FAILED, e, ReferralStatus.FAILED,
                    e.reason().code(), null, null);
            case ReferralEvent.Redirected e -> changed(EventType.REFERRAL_REDIRECTED, e, ReferralStatus.REDIRECTED,
                    null, null, e.next());
            case ReferralEvent.ConsentWithdrawn e -> published(EventType.REFERRAL_CONSENT_WITHDRAWN, e.referral(),
                    statusChange(e.referral(), e.status(), e.status(), null, null, null, e.at()));
            case ReferralEvent.WentOverdue e -> missed(EventType.REFERRAL_OVERDUE, e.referral(), e.missed(), e.at());
            case ReferralEvent.Escalated e -> missed(EventType.REFERRAL_ESCALATED, e.referral(), e.missed(), e.at());
        };
    }

    private static PublishedEvent requested(ReferralEvent.Requested e) {
        Facts r = e.referral();
        return published(EventType.REFERRAL_REQUESTED, r, new ReferralRequestedV1(r.referralId(), r.caseId(),
                r.sendingOrganizationId(), r.receivingOrganizationId(), r.serviceId(), r.supportTypes(),
                priority(r.priority()), e.municipalityCode(), e.people(), e.sharedScope(), e.consentIds(),
                r.requestedAt()));
    }

    private static PublishedEvent changed(EventType type, ReferralEvent.Step step, ReferralStatus to,
            String reasonCode, NeedMet needMet, UUID redirectedTo) {
        return published(type, step.referral(), statusChange(step.referral(), step.from(), to, reasonCode, needMet,
                redirectedTo, step.at()));
    }

    private static ReferralStatusChangedV1 statusChange(Facts r, ReferralStatus from, ReferralStatus to,
            String reasonCode, NeedMet needMet, UUID redirectedTo, Instant at) {
        return new ReferralStatusChangedV1(r.referralId(), r.caseId(), r.sendingOrganizationId(),
                r.receivingOrganizationId(), r.serviceId(), r.supportTypes(), priority(r.priority()), status(from),
                status(to), reasonCode, needMet == null ? null : needMet(needMet), redirectedTo, r.requestedAt(), at);
    }

    private static PublishedEvent missed(EventType type, Facts r, ReferralEvent.MissedDeadline missed, Instant at) {
        return published(type, r, new ReferralDeadlineMissedV1(r.referralId(), missed.protocolId(),
                missed.coordinatorOrganizationId(), r.sendingOrganizationId(), r.receivingOrganizationId(),
                r.serviceId(), priority(r.priority()), deadline(missed.deadline()), missed.dueAt(), at));
    }

    private static PublishedEvent published(EventType type, Facts referral, Object payload) {
        return new PublishedEvent(type, referral.referralId(), payload);
    }

    static ba.refnet.contracts.referral.ReferralStatus status(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> throw new IllegalStateException("a draft is never published");
            case REQUESTED -> ba.refnet.contracts.referral.ReferralStatus.REQUESTED;
            case ACCEPTED -> ba.refnet.contracts.referral.ReferralStatus.ACCEPTED;
            case REJECTED -> ba.refnet.contracts.referral.ReferralStatus.REJECTED;
            case CANCELLED -> ba.refnet.contracts.referral.ReferralStatus.CANCELLED;
            case IN_PROGRESS -> ba.refnet.contracts.referral.ReferralStatus.IN_PROGRESS;
            case ON_HOLD -> ba.refnet.contracts.referral.ReferralStatus.ON_HOLD;
            case COMPLETED -> ba.refnet.contracts.referral.ReferralStatus.COMPLETED;
            case FAILED -> ba.refnet.contracts.referral.ReferralStatus.FAILED;
            case REDIRECTED -> ba.refnet.contracts.referral.ReferralStatus.REDIRECTED;
        };
    }

    static ba.refnet.contracts.referral.Priority priority(Priority priority) {
        return switch (priority) {
            case ROUTINE -> ba.refnet.contracts.referral.Priority.ROUTINE;
            case URGENT -> ba.refnet.contracts.referral.Priority.URGENT;
            case EMERGENCY -> ba.refnet.contracts.referral.Priority.EMERGENCY;
        };
    }

    static ba.refnet.contracts.referral.NeedMet needMet(NeedMet needMet) {
        return switch (needMet) {
            case FULLY -> ba.refnet.contracts.referral.NeedMet.FULLY;
            case PARTLY -> ba.refnet.contracts.referral.NeedMet.PARTLY;
            case NOT -> ba.refnet.contracts.referral.NeedMet.NOT;
        };
    }

    static ProtocolDeadline deadline(Deadline deadline) {
        return switch (deadline) {
            case ACKNOWLEDGE -> ProtocolDeadline.ACKNOWLEDGE;
            case FIRST_CONTACT -> ProtocolDeadline.FIRST_CONTACT;
            case PLAN -> ProtocolDeadline.PLAN;
        };
    }
}
