package ba.refnet.referral.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** What a protocol step requires of the receiving organisation, and which step of the loop meets it. */
public enum Deadline {
    /** Met when the receiver accepts or rejects. */
    ACKNOWLEDGE,
    /** Met when work with the family starts. */
    FIRST_CONTACT,
    /** Met when the receiver records that a plan was agreed. */
    PLAN;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<Deadline> ofCode(String code) {
        return Codes.parse(Deadline.class, code);
    }
}
