package ba.refnet.contracts.registry;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The legal form of a member organisation. */
public enum LegalForm {
    CENTRE_FOR_SOCIAL_WORK, PUBLIC_INSTITUTION, NGO, INTERNATIONAL_ORGANISATION, SCHOOL, HEALTH_CENTRE,
    POLICE, INFORMAL_GROUP, OTHER;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static LegalForm ofCode(String code) {
        return EventCodes.parse(LegalForm.class, code);
    }
}
