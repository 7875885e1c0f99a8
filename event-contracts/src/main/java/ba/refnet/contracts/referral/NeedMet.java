package ba.refnet.contracts.referral;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a completed referral met the family's need. */
public enum NeedMet {
    FULLY, PARTLY, NOT;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    /** @throws IllegalArgumentException for a code this version does not know */
    @JsonCreator
    public static NeedMet ofCode(String code) {
        return EventCodes.parse(NeedMet.class, code);
    }
}
