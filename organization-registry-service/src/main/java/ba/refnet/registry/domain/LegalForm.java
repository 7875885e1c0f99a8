package ba.refnet.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/** The legal forms of the network's members, with their codes on the API and in events. */
public enum LegalForm {
    CENTRE_FOR_SOCIAL_WORK, PUBLIC_INSTITUTION, NGO, INTERNATIONAL_ORGANISATION, SCHOOL, HEALTH_CENTRE, POLICE,
    INFORMAL_GROUP, OTHER;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<LegalForm> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
    }

    public static String allowedCodes() {
        return String.join(", ", Arrays.stream(values()).map(LegalForm::code).toList());
    }
}
