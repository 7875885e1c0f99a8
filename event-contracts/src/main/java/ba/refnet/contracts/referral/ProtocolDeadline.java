package ba.refnet.contracts.referral;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The protocol deadline a referral missed: acknowledge it, first contact with the family, an agreed plan. */
public enum ProtocolDeadline {
    ACKNOWLEDGE, FIRST_CONTACT, PLAN;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    /** @throws IllegalArgumentException for a code this version does not know */
    @JsonCreator
    public static ProtocolDeadline ofCode(String code) {
        return EventCodes.parse(ProtocolDeadline.class, code);
    }
}
