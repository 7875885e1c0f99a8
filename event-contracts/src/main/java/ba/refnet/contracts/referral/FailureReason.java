package ba.refnet.contracts.referral;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why an accepted referral could not be carried through (the {@code reasonCode} of a failed one). */
public enum FailureReason {
    COULD_NOT_CONTACT, NOT_ELIGIBLE, NO_CAPACITY, CLIENT_DECLINED, CLIENT_MOVED, CLIENT_STOPPED_ATTENDING, OTHER;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    /** @throws IllegalArgumentException for a code this version does not know */
    @JsonCreator
    public static FailureReason ofCode(String code) {
        return EventCodes.parse(FailureReason.class, code);
    }
}
