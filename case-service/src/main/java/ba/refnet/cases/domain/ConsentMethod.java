package ba.refnet.cases.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** How the consent was obtained; verbal consent needs a witness. */
public enum ConsentMethod {
    SIGNED_FORM, VERBAL_WITH_WITNESS, ELECTRONIC;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<ConsentMethod> ofCode(String code) {
        return Codes.parse(ConsentMethod.class, code);
    }
}
