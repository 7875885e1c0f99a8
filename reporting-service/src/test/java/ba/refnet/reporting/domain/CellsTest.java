package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
        return new ReportFilter(YEAR, types, places, organization, network, vulnerability);
    }

    @Test
    void oneFilterAtMostReadsItsSlice() {
        assertEquals(new Cells("a", List.of(""), ""),
                Cells.forReferrals(filter(null, null, null, null, null)).orElseThrow());
        assertEquals(new Cells("o", List.of(ORGANIZATION.toString()), "health"), Cells.forReferrals(
                filter(Set.of("health"), null, ORGANIZATION, null, null)).orElseThrow());
        assertEquals(new Cells("n", List.of(NETWORK.toString()), ""), Cells.forReferrals(
                filter(null, null, null, NETWORK, null)).orElseThrow());
        assertEquals("m", Cells.forReferrals(filter(null, Set.of("10705", "10701"), null, null, null))
                .orElseThrow().slice());
    }

    @Test
    void householdsHaveCellsPerNetworkAndPerVulnerability() {
        assertEquals(new Cells("n", List.of(NETWORK.toString()), ""),
                Cells.forHouseholds(filter(null, null, null, NETWORK, null)).orElseThrow());
        assertEquals(new Cells("v", List.of("poverty"), ""),
                Cells.forHouseholds(filter(null, null, null, null, "poverty")).orElseThrow());
    }

    @Test
    void combinedFiltersAndSeveralSupportTypesAreLeftToTheFacts() {
        assertTrue(Cells.forReferrals(filter(null, Set.of("10705"), ORGANIZATION, null, null)).isEmpty());
        assertTrue(Cells.forReferrals(filter(null, null, null, null, "poverty")).isEmpty());
        assertTrue(Cells.forHouseholds(filter(Set.of("psychosocial", "psychosocial.counselling"), null, null, null,
                null)).isEmpty());
        assertTrue(Cells.forHouseholds(filter(null, null, null, NETWORK, "poverty")).isEmpty());
    }
}
