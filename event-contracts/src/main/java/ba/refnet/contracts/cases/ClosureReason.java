package ba.refnet.contracts.cases;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a case was closed. */
public enum ClosureReason {
    GOALS_ACHIEVED, TRANSFERRED, MOVED_AWAY, NO_LONGER_ELIGIBLE, FAMILY_DECLINED, OTHER;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static ClosureReason ofCode(String code) {
        return EventCodes.parse(ClosureReason.class, code);
    }
}
