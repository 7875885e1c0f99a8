package ba.refnet.cases.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

public enum Sex {
    FEMALE, MALE, UNKNOWN;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<Sex> ofCode(String code) {
        return Codes.parse(Sex.class, code);
    }
}
