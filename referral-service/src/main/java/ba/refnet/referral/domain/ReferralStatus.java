package ba.refnet.referral.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The closed loop, aligned with the HL7 FHIR Task statuses used for SDOH referrals. Each status knows where it
 * may go next; anything else is refused with "cannot go from X to Y".
 */
public enum ReferralStatus {
    DRAFT, REQUESTED, ACCEPTED, REJECTED, CANCELLED, IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, REDIRECTED;

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(REQUESTED, CANCELLED),
            REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED, REDIRECTED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, CANCELLED, FAILED, REDIRECTED),
            IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, FAILED),
            ON_HOLD, EnumSet.of(ACCEPTED, IN_PROGRESS, CANCELLED, FAILED));

    public boolean canGoTo(ReferralStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    public boolean isFinal() {
        return !NEXT.containsKey(this);
    }

    public String code() {
        return Codes.of(this);
    }
}
