package ba.refnet.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandsTest {

    private final AgeBands bands = new AgeBands(18, 30);
    private final LocalDate today = LocalDate.of(2026, 11, 23);

    @Test
    void bandsChangeOnTheBirthday() {
        assertEquals("child", bands.bandOf(LocalDate.of(2008, 11, 24), today));
        assertEquals("youth", bands.bandOf(LocalDate.of(2008, 11, 23), today));
        assertEquals("youth", bands.bandOf(LocalDate.of(1996, 11, 24), today));
        assertEquals("adult", bands.bandOf(LocalDate.of(1996, 11, 23), today));
        assertEquals("child", bands.bandOf(today, today));
    }

    @Test
    void noBirthDateIsUnknown() {
        assertEquals("unknown", bands.bandOf(null, today));
    }

    @Test
    void boundariesMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> new AgeBands(30, 18));
        assertThrows(IllegalArgumentException.class, () -> new AgeBands(0, 18));
    }
}
