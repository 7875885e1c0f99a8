package ba.refnet.cases.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

public enum MemberRole {
    CHILD, PARENT_OR_GUARDIAN, EXTENDED_FAMILY, OTHER, SELF;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<MemberRole> ofCode(String code) {
        return Codes.parse(MemberRole.class, code);
    }
}
