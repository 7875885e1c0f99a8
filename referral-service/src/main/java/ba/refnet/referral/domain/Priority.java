package ba.refnet.referral.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

public enum Priority {
    ROUTINE, URGENT, EMERGENCY;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<Priority> ofCode(String code) {
        return Codes.parse(Priority.class, code);
    }
}
