package ba.refnet.contracts.referral;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why the receiving organisation refused a referral (the {@code reasonCode} of a rejected one). */
public enum RejectionReason {
    NOT_ELIGIBLE, NO_CAPACITY, OUTSIDE_SERVICE_AREA, INSUFFICIENT_INFORMATION, DUPLICATE, ALREADY_RECEIVING_SERVICE,
    OTHER;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    /** @throws IllegalArgumentException for a code this version does not know */
    @JsonCreator
    public static RejectionReason ofCode(String code) {
        return EventCodes.parse(RejectionReason.class, code);
    }
}
