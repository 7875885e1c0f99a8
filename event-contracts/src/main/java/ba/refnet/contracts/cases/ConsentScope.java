package ba.refnet.contracts.cases;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A category of data a consent covers. */
public enum ConsentScope {
    IDENTITY, CONTACT, HOUSEHOLD, NEEDS, ASSESSMENT;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static ConsentScope ofCode(String code) {
        return EventCodes.parse(ConsentScope.class, code);
    }
}
