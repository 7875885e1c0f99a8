package ba.refnet.cases.domain;

import java.util.UUID;

/** A member as events show them: the opaque member id, role, age band (never the birth date) and sex. */
public record Pseudonym(UUID memberId, MemberRole role, String ageBand, Sex sex) {

    public static Pseudonym of(CaseMember member, AgeBands.On ages) {
        return new Pseudonym(member.id(), member.role(), ages.bandOf(member.birthDate()), member.sex());
    }
}
