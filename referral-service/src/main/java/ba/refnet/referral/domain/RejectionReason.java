package ba.refnet.referral.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** Why a receiving organisation refuses a referral. */
public enum RejectionReason {
    NOT_ELIGIBLE, NO_CAPACITY, OUTSIDE_SERVICE_AREA, INSUFFICIENT_INFORMATION, DUPLICATE, ALREADY_RECEIVING_SERVICE,
    OTHER;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<RejectionReason> ofCode(String code) {
        return Codes.parse(RejectionReason.class, code);
    }
}
