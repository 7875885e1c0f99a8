package ba.refnet.contracts.registry;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Between two organisations or more. */
public enum MemorandumKind {
    BILATERAL, MULTILATERAL;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static MemorandumKind ofCode(String code) {
        return EventCodes.parse(MemorandumKind.class, code);
    }
}
