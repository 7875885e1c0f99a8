package ba.refnet.cases.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** Which data a consent lets the case owner share. */
public enum ConsentScope {
    IDENTITY, CONTACT, HOUSEHOLD, NEEDS, ASSESSMENT;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<ConsentScope> ofCode(String code) {
        return Codes.parse(ConsentScope.class, code);
    }
}
