package ba.refnet.reporting.domain;

import ba.refnet.reference.CodeList;
import ba.refnet.reference.Term;
import java.util.Set;
import java.util.TreeSet;

/**
 * Support types with types below them, families: "educational" holds school support and preschool education. The
 * aggregates keep a family's cells under {@code family:} and its code, apart from the cells of the type itself, so
 * that a report for a family counts each referral and household once and its breakdown by type stays per type.
 */
public final class SupportTypeFamilies {

    private static final String PREFIX = "family:";

    /** One member of a family: a type and the family it belongs to (itself or a type above it). */
    public record Member(String supportType, String family) implements Comparable<Member> {
        @Override
        public int compareTo(Member other) {
            int byFamily = family.compareTo(other.family);
            return byFamily != 0 ? byFamily : supportType.compareTo(other.supportType);
        }
    }

    private SupportTypeFamilies() {
    }

    /** Every family's members, the family's own type among them. */
    public static Set<Member> members(CodeList supportTypes) {
        Set<Member> members = new TreeSet<>();
        for (Term term : supportTypes.terms()) {
            Set<String> family = supportTypes.withDescendants(term.code());
            if (family.size() > 1) {
                family.forEach(type -> members.add(new Member(type, term.code())));
            }
        }
        return members;
    }

    /** The support type under which the aggregates keep a family's cells. */
    public static String cell(String family) {
        return PREFIX + family;
    }

    /** Whether the aggregates' support type is a family's, not a single type's. */
    public static boolean isFamilyCell(String supportType) {
        return supportType.startsWith(PREFIX);
    }
}
