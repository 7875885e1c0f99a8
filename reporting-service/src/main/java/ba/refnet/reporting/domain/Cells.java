package ba.refnet.reporting.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which cells of the aggregates answer a filter: a slice (the whole network, an organisation, a network, places,
 * a vulnerability category), its keys, and the support type ('' for all, a family's for a type with types below
 * it). A filter that combines two of these has no cells: its report is computed from the facts, which its conditions
 * narrow.
 */
public record Cells(Slice slice, List<String> keys, String supportType) {

    /** Referral cells; a network's are the referrals its members received. */
    public static Optional<Cells> forReferrals(ReportFilter filter) {
        if (filter.vulnerability() != null || dimensions(filter) > 1) {
            return Optional.empty();
        }
        return supportType(filter).map(type -> {
            if (filter.organizationId() != null) {
                return new Cells(Slice.ORGANIZATION, List.of(filter.organizationId().toString()), type);
            }
            if (filter.networkId() != null) {
                return new Cells(Slice.NETWORK, List.of(filter.networkId().toString()), type);
            }
            return filter.municipalities() != null
                    ? new Cells(Slice.MUNICIPALITY, List.copyOf(filter.municipalities()), type)
                    : new Cells(Slice.WHOLE_NETWORK, List.of(""), type);
        }).filter(Cells::kept);
    }

    /** Household cells: a household counts once per network, however many of its members reached it. */
    public static Optional<Cells> forHouseholds(ReportFilter filter) {
        if (dimensions(filter) + (filter.vulnerability() == null ? 0 : 1) > 1) {
            return Optional.empty();
        }
        return supportType(filter).map(type -> {
            if (filter.organizationId() != null) {
                return new Cells(Slice.ORGANIZATION, List.of(filter.organizationId().toString()), type);
            }
            if (filter.networkId() != null) {
                return new Cells(Slice.NETWORK, List.of(filter.networkId().toString()), type);
            }
            if (filter.vulnerability() != null) {
                return new Cells(Slice.VULNERABILITY, List.of(filter.vulnerability()), type);
            }
            return filter.municipalities() != null
                    ? new Cells(Slice.MUNICIPALITY, List.copyOf(filter.municipalities()), type)
                    : new Cells(Slice.WHOLE_NETWORK, List.of(""), type);
        }).filter(Cells::kept);
    }

    /** Families have cells for some slices only (see V6__support_type_families.sql). */
    private boolean kept() {
        return !SupportTypeFamilies.isFamilyCell(supportType) || slice.hasFamilyCells();
    }

    /** '' for every type, the one type asked for, or the family of a type with types below it. */
    public static Optional<String> supportType(ReportFilter filter) {
        if (filter.supportTypes() == null) {
            return Optional.of("");
        }
        if (filter.supportTypes().size() == 1) {
            return Optional.of(filter.supportTypes().iterator().next());
        }
        return Optional.ofNullable(filter.supportType()).map(SupportTypeFamilies::cell);
    }

    /**
     * The support types a report reads for its total and its breakdown by type: all of them ({@code null}) when no
     * type was asked for, else the cell's own and the types the filter names.
     */
    public String[] supportTypesRead(ReportFilter filter) {
        if (supportType.isEmpty()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        types.add(supportType);
        types.addAll(filter.supportTypes());
        return types.toArray(new String[0]);
    }

    /** Whether a support type read is a line of the breakdown by type (not the total, not a family). */
    public boolean inBreakdown(String type) {
        return !type.isEmpty() && !SupportTypeFamilies.isFamilyCell(type);
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
