package ba.refnet.cases.domain;

import java.util.Arrays;
import java.util.Optional;

public enum MemberRole {
    CHILD, PARENT_OR_GUARDIAN, EXTENDED_FAMILY, OTHER, SELF;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<MemberRole> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
