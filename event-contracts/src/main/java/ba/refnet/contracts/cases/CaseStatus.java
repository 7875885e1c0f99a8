package ba.refnet.contracts.cases;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a case stands in the case-management process. */
public enum CaseStatus {
    INTAKE, ASSESSMENT, PLANNING, ACTIVE, REVIEW, CLOSED;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static CaseStatus ofCode(String code) {
        return EventCodes.parse(CaseStatus.class, code);
    }
}
