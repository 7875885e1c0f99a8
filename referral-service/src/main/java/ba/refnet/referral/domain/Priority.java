package ba.refnet.referral.domain;

import java.util.Arrays;
import java.util.Optional;

public enum Priority {
    ROUTINE, URGENT, EMERGENCY;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Priority> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
