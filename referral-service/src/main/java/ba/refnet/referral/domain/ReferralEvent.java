package ba.refnet.referral.domain;

import ba.refnet.chassis.domain.DomainEvent;
import ba.refnet.contracts.common.Person;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a referral, recorded by {@link Referral} as it happens. Each event carries the referral's
 * {@link Facts} as they were at that moment; the service's event contracts turn each into its published type.
 * Codes only, never the free-text explanations.
 */
public sealed interface ReferralEvent extends DomainEvent {

    Facts referral();

    /** What every event says of its referral: who sends whom where, for what, how urgently, since when. */
    record Facts(UUID referralId, UUID caseId, UUID sendingOrganizationId, UUID receivingOrganizationId,
            UUID serviceId, List<String> supportTypes, Priority priority, Instant requestedAt) {
    }

    /**
     * The referral reached its receiver: sent new, sent from a draft, or sent on in place of a redirected one; with
     * the (pseudonymous) people concerned and what the receiver may see of them.
     */
    record Requested(Facts referral, String municipalityCode, List<Person> people, List<String> sharedScope,
            List<UUID> consentIds) implements ReferralEvent {
    }

    record Accepted(Facts referral, Instant acceptedAt) implements ReferralEvent {
    }

    /** A step of the loop after acceptance or refusal, from the status the referral was in. */
    sealed interface Step extends ReferralEvent {
        ReferralStatus from();

        Instant at();
    }

    record Rejected(Facts referral, ReferralStatus from, RejectionReason reason, Instant at) implements Step {
    }

    /** Only a referral that was sent: withdrawing a draft tells nobody anything. */
    record Cancelled(Facts referral, ReferralStatus from, Instant at) implements Step {
    }

    record Started(Facts referral, ReferralStatus from, Instant at) implements Step {
    }

    record Held(Facts referral, ReferralStatus from, Instant at) implements Step {
    }

    /** Back from the hold to {@code to}, where it was before. */
    record Resumed(Facts referral, ReferralStatus from, ReferralStatus to, Instant at) implements Step {
    }

    record Completed(Facts referral, ReferralStatus from, NeedMet needMet, Instant at) implements Step {
    }

    record Failed(Facts referral, ReferralStatus from, FailureReason reason, Instant at) implements Step {
    }

    /** Closed in favour of {@code next}, a new referral to another organisation's service. */
    record Redirected(Facts referral, ReferralStatus from, UUID next, Instant at) implements Step {
    }

    /** A consent the open referral relied on ended: its receiver no longer sees the family's details. */
    record ConsentWithdrawn(Facts referral, ReferralStatus status, Instant at) implements ReferralEvent {
    }

    /** Which protocol deadline was missed, and who coordinates the protocol. */
    record MissedDeadline(UUID protocolId, UUID coordinatorOrganizationId, Deadline deadline, Instant dueAt) {
    }

    /** A protocol deadline passed unmet. */
    record WentOverdue(Facts referral, MissedDeadline missed, Instant at) implements ReferralEvent {
    }

    /** A missed deadline stayed unmet past the protocol's grace time: it goes to the coordinator. */
    record Escalated(Facts referral, MissedDeadline missed, Instant at) implements ReferralEvent {
    }
}
