package ba.refnet.reporting.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which cells of the aggregates answer a filter: a slice (the whole network, an organisation, a network, places,
 * a vulnerability category), its keys, and the support type ('' for all). A filter that combines two of these, or
 * names several support types, has no cells: its report is computed from the facts, which its conditions narrow.
 */
public record Cells(String slice, List<String> keys, String supportType) {

    /** Referral cells; a network's are the referrals its members received. */
    public static Optional<Cells> forReferrals(ReportFilter filter) {
        if (filter.vulnerability() != null || dimensions(filter) > 1) {
            return Optional.empty();
        }
        return supportType(filter).map(type -> {
            if (filter.organizationId() != null) {
                return new Cells("o", List.of(filter.organizationId().toString()), type);
            }
            if (filter.networkId() != null) {
                return new Cells("n", List.of(filter.networkId().toString()), type);
            }
            return filter.municipalities() != null ? new Cells("m", List.copyOf(filter.municipalities()), type)
                    : new Cells("a", List.of(""), type);
        });
    }

    /** Household cells: a household counts once per network, however many of its members reached it. */
    public static Optional<Cells> forHouseholds(ReportFilter filter) {
        if (dimensions(filter) + (filter.vulnerability() == null ? 0 : 1) > 1) {
            return Optional.empty();
        }
        return supportType(filter).map(type -> {
            if (filter.organizationId() != null) {
                return new Cells("o", List.of(filter.organizationId().toString()), type);
            }
            if (filter.networkId() != null) {
                return new Cells("n", List.of(filter.networkId().toString()), type);
            }
            if (filter.vulnerability() != null) {
                return new Cells("v", List.of(filter.vulnerability()), type);
            }
            return filter.municipalities() != null ? new Cells("m", List.copyOf(filter.municipalities()), type)
                    : new Cells("a", List.of(""), type);
        });
    }

    /** '' for every type, the one type asked for; none for a type with types below it (they would count twice). */
    private static Optional<String> supportType(ReportFilter filter) {
        if (filter.supportTypes() == null) {
            return Optional.of("");
        }
        return filter.supportTypes().size() == 1 ? Optional.of(filter.supportTypes().iterator().next())
                : Optional.empty();
    }

    private static int dimensions(ReportFilter filter) {
        return (filter.organizationId() == null ? 0 : 1) + (filter.networkId() == null ? 0 : 1)
                + (filter.municipalities() == null ? 0 : 1);
    }

    /** The keys as the SQL array parameter takes them. */
    public String[] keyArray() {
        return keys.toArray(new String[0]);
    }
}
