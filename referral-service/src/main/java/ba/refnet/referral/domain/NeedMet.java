package ba.refnet.referral.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** The outcome of a completed referral: was the need met? */
public enum NeedMet {
    FULLY, PARTLY, NOT;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<NeedMet> ofCode(String code) {
        return Codes.parse(NeedMet.class, code);
    }
}
