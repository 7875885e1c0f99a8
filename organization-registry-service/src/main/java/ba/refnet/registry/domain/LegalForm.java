package ba.refnet.registry.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** The legal forms of the network's members, with their codes on the API and in events. */
public enum LegalForm {
    CENTRE_FOR_SOCIAL_WORK, PUBLIC_INSTITUTION, NGO, INTERNATIONAL_ORGANISATION, SCHOOL, HEALTH_CENTRE, POLICE,
    INFORMAL_GROUP, OTHER;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<LegalForm> ofCode(String code) {
        return Codes.parse(LegalForm.class, code);
    }

    public static String allowedCodes() {
        return Codes.allowed(LegalForm.class);
    }
}
