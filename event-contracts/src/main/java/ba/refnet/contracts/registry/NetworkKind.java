package ba.refnet.contracts.registry;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of network or working group. */
public enum NetworkKind {
    INFORMAL_NETWORK, WORKING_GROUP, FORMAL_NETWORK;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static NetworkKind ofCode(String code) {
        return EventCodes.parse(NetworkKind.class, code);
    }
}
