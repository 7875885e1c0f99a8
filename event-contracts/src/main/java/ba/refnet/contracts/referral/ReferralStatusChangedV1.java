package ba.refnet.contracts.referral;

import ba.refnet.contracts.EventCodes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A referral moved along the loop after acceptance or refusal: rejected, cancelled, started, held, resumed,
 * completed, failed or redirected (the CloudEvents type says which). Codes only, never the free-text reasons.
 *
 * @param reasonCode the {@link RejectionReason} of a rejected referral or the {@link FailureReason} of a failed one (read
 *        them typed with {@link #rejectionReason()} and {@link #failureReason()}); one field on the wire for both,
 *        which is why it is a code and not one enum. A code this version does not know for the status is refused.
 * @param needMet for completed referrals
 * @param redirectedToReferralId for redirected referrals: the new referral that replaces this one
 */
public record ReferralStatusChangedV1(
        UUID referralId,
        UUID caseId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        UUID serviceId,
        List<String> supportTypes,
        Priority priority,
        ReferralStatus fromStatus,
        ReferralStatus status,
        String reasonCode,
        NeedMet needMet,
        UUID redirectedToReferralId,
        Instant requestedAt,
        Instant changedAt) {

    public ReferralStatusChangedV1 {
        // read now (the fields are not set yet), so that an unknown reason fails the event as an unknown status does
        reason(status, ReferralStatus.REJECTED, RejectionReason.class, reasonCode);
        reason(status, ReferralStatus.FAILED, FailureReason.class, reasonCode);
    }

    /** Why the receiver refused, when this is a rejection. */
    public Optional<RejectionReason> rejectionReason() {
        return reason(status, ReferralStatus.REJECTED, RejectionReason.class, reasonCode);
    }

    /** Why the referral could not be carried through, when this is a failure. */
    public Optional<FailureReason> failureReason() {
        return reason(status, ReferralStatus.FAILED, FailureReason.class, reasonCode);
    }

    private static <E extends Enum<E>> Optional<E> reason(ReferralStatus status, ReferralStatus of, Class<E> type,
            String code) {
        return status == of && code != null ? Optional.of(EventCodes.parse(type, code)) : Optional.empty();
    }
}
