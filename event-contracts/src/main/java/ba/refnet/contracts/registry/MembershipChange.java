package ba.refnet.contracts.registry;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an organisation joined or left a network. */
public enum MembershipChange {
    JOINED, LEFT;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static MembershipChange ofCode(String code) {
        return EventCodes.parse(MembershipChange.class, code);
    }
}
