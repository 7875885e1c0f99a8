package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void wholeDaysInSarajevoTime() {
        ReportPeriod january = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        assertEquals(Instant.parse("2025-12-31T23:00:00Z"), january.start());
        assertEquals(Instant.parse("2026-01-31T23:00:00Z"), january.end());
    }

    @Test
    void invertedOrEndlessPeriodsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReportPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportPeriod(LocalDate.of(2000, 1, 1), LocalDate.of(2026, 1, 1)));
    }
}
