package ba.refnet.cases.domain;

import java.util.Arrays;
import java.util.Optional;

public enum Sex {
    FEMALE, MALE, UNKNOWN;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Sex> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
