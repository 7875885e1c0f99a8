package ba.refnet.referral.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** Why an accepted referral could not be carried through. */
public enum FailureReason {
    COULD_NOT_CONTACT, NOT_ELIGIBLE, NO_CAPACITY, CLIENT_DECLINED, CLIENT_MOVED, CLIENT_STOPPED_ATTENDING, OTHER;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<FailureReason> ofCode(String code) {
        return Codes.parse(FailureReason.class, code);
    }
}
