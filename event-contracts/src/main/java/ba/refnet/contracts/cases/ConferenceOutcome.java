package ba.refnet.contracts.cases;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a family group conference came to. */
public enum ConferenceOutcome {
    PLAN_AGREED, PARTIAL_AGREEMENT, NO_AGREEMENT, POSTPONED;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static ConferenceOutcome ofCode(String code) {
        return EventCodes.parse(ConferenceOutcome.class, code);
    }
}
