package ba.refnet.contracts.referral;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a referral is. */
public enum Priority {
    ROUTINE, URGENT, EMERGENCY;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    /** @throws IllegalArgumentException for a code this version does not know */
    @JsonCreator
    public static Priority ofCode(String code) {
        return EventCodes.parse(Priority.class, code);
    }
}
