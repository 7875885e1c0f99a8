package ba.refnet.contracts.cases;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a consent lets the case owner do with the data. */
public enum ConsentPurpose {
    REFERRAL, INFORMATION_SHARING, REPORTING;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static ConsentPurpose ofCode(String code) {
        return EventCodes.parse(ConsentPurpose.class, code);
    }
}
