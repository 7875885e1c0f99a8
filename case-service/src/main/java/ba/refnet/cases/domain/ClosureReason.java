package ba.refnet.cases.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

public enum ClosureReason {
    GOALS_ACHIEVED, TRANSFERRED, MOVED_AWAY, NO_LONGER_ELIGIBLE, FAMILY_DECLINED, OTHER;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<ClosureReason> ofCode(String code) {
        return Codes.parse(ClosureReason.class, code);
    }
}
