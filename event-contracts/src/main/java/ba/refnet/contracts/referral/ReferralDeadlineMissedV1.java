package ba.refnet.contracts.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A protocol deadline of a referral passed unmet (overdue) or stayed unmet long enough to go to the working
 * group's coordinator (escalated); the CloudEvents type says which.
 *
 * @param deadline {@code acknowledge}, {@code first_contact} or {@code plan}
 */
public record ReferralDeadlineMissedV1(
        UUID referralId,
        UUID protocolId,
        UUID coordinatorOrganizationId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        UUID serviceId,
        String priority,
        String deadline,
        Instant dueAt,
        Instant occurredAt) {
}
