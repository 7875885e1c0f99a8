package ba.refnet.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/** Whether a service takes referrals now. */
public enum IntakeStatus {
    ACCEPTING, WAITLIST, NOT_ACCEPTING;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<IntakeStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
