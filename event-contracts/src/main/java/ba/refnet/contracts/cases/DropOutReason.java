package ba.refnet.contracts.cases;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a family dropped out of the conference programme. */
public enum DropOutReason {
    FAMILY_WITHDREW, COULD_NOT_CONTACT, MOVED_AWAY, OTHER;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static DropOutReason ofCode(String code) {
        return EventCodes.parse(DropOutReason.class, code);
    }
}
