package ba.refnet.contracts.registry;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a service takes referrals now. */
public enum IntakeStatus {
    ACCEPTING, WAITLIST, NOT_ACCEPTING;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static IntakeStatus ofCode(String code) {
        return EventCodes.parse(IntakeStatus.class, code);
    }
}
