package ba.refnet.contracts.referral;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a published referral stands in the closed loop (a draft is never published, so it has no code here). */
public enum ReferralStatus {
    REQUESTED, ACCEPTED, REJECTED, CANCELLED, IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, REDIRECTED;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    /** @throws IllegalArgumentException for a code this version does not know */
    @JsonCreator
    public static ReferralStatus ofCode(String code) {
        return EventCodes.parse(ReferralStatus.class, code);
    }
}
