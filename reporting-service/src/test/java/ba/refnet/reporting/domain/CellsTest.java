package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CellsTest {

    private static final ReportPeriod YEAR = new ReportPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID NETWORK = UUID.randomUUID();

    private static ReportFilter filter(Set<String> types, Set<String> places, UUID organization, UUID network,
            String vulnerability) {
        String asked = types == null ? null : types.iterator().next();
        return new ReportFilter(YEAR, asked, types, places, organization, network, vulnerability);
    }

    @Test
    void oneFilterAtMostReadsItsSlice() {
        assertEquals(new Cells(Slice.WHOLE_NETWORK, List.of(""), ""),
                Cells.forReferrals(filter(null, null, null, null, null)).orElseThrow());
        assertEquals(new Cells(Slice.ORGANIZATION, List.of(ORGANIZATION.toString()), "health"), Cells.forReferrals(
                filter(Set.of("health"), null, ORGANIZATION, null, null)).orElseThrow());
        assertEquals(new Cells(Slice.NETWORK, List.of(NETWORK.toString()), ""), Cells.forReferrals(
                filter(null, null, null, NETWORK, null)).orElseThrow());
        assertEquals(Slice.MUNICIPALITY, Cells.forReferrals(filter(null, Set.of("10705", "10701"), null, null, null))
                .orElseThrow().slice());
    }

    @Test
    void householdsHaveCellsPerNetworkAndPerVulnerability() {
        assertEquals(new Cells(Slice.NETWORK, List.of(NETWORK.toString()), ""),
                Cells.forHouseholds(filter(null, null, null, NETWORK, null)).orElseThrow());
        assertEquals(new Cells(Slice.VULNERABILITY, List.of("poverty"), ""),
                Cells.forHouseholds(filter(null, null, null, null, "poverty")).orElseThrow());
    }

    @Test
    void aTypeWithTypesBelowItReadsItsFamilysCellsAndItsMembersForTheBreakdown() {
        ReportFilter psychosocial = new ReportFilter(YEAR, "psychosocial",
                new LinkedHashSet<>(List.of("psychosocial", "psychosocial.counselling")), null, null, null, null);
        Cells cells = Cells.forHouseholds(psychosocial).orElseThrow();
        assertEquals(new Cells(Slice.WHOLE_NETWORK, List.of(""), "family:psychosocial"), cells);
        assertEquals(List.of("family:psychosocial", "psychosocial", "psychosocial.counselling"),
                List.of(cells.supportTypesRead(psychosocial)));
        assertTrue(cells.inBreakdown("psychosocial.counselling"));
        assertFalse(cells.inBreakdown("family:psychosocial"));
        assertFalse(cells.inBreakdown(""));
        ReportFilter ofAnOrganisation = new ReportFilter(YEAR, "psychosocial", psychosocial.supportTypes(), null,
                ORGANIZATION, null, null);
        assertTrue(Cells.forReferrals(ofAnOrganisation).isEmpty(), "an organisation's families come from the facts");
    }

    @Test
    void combinedFiltersAreLeftToTheFacts() {
        assertTrue(Cells.forReferrals(filter(null, Set.of("10705"), ORGANIZATION, null, null)).isEmpty());
        assertTrue(Cells.forReferrals(filter(null, null, null, null, "poverty")).isEmpty());
        assertTrue(Cells.forHouseholds(filter(null, null, null, NETWORK, "poverty")).isEmpty());
    }
}
