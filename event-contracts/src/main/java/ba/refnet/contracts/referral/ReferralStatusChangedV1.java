package ba.refnet.contracts.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral moved along the loop after acceptance or refusal: rejected, cancelled, started, held, resumed,
 * completed, failed or redirected (the CloudEvents type says which). Codes only, never the free-text reasons.
 *
 * @param reasonCode rejection, failure or hold reason code, when the step has one
 * @param needMet for completed referrals: {@code fully}, {@code partly} or {@code not}
 * @param redirectedToReferralId for redirected referrals: the new referral that replaces this one
 */
public record ReferralStatusChangedV1(
        UUID referralId,
        UUID caseId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        UUID serviceId,
        List<String> supportTypes,
        String priority,
        String fromStatus,
        String status,
        String reasonCode,
        String needMet,
        UUID redirectedToReferralId,
        Instant requestedAt,
        Instant changedAt) {
}
