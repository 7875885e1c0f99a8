package ba.refnet.registry.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** Whether a service takes referrals now. */
public enum IntakeStatus {
    ACCEPTING, WAITLIST, NOT_ACCEPTING;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<IntakeStatus> ofCode(String code) {
        return Codes.parse(IntakeStatus.class, code);
    }
}
