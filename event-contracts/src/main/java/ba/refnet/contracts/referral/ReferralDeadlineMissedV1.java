package ba.refnet.contracts.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A protocol deadline of a referral passed unmet (overdue) or stayed unmet long enough to go to the working
 * group's coordinator (escalated); the CloudEvents type says which.
 */
public record ReferralDeadlineMissedV1(
        UUID referralId,
        UUID protocolId,
        UUID coordinatorOrganizationId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        UUID serviceId,
        Priority priority,
        ProtocolDeadline deadline,
        Instant dueAt,
        Instant occurredAt) {
}
