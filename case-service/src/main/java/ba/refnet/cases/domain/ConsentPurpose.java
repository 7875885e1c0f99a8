package ba.refnet.cases.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

public enum ConsentPurpose {
    REFERRAL, INFORMATION_SHARING, REPORTING;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<ConsentPurpose> ofCode(String code) {
        return Codes.parse(ConsentPurpose.class, code);
    }
}
