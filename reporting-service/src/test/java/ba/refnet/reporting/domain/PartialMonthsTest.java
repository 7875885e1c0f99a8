package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartialMonthsTest {

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static List<LocalDate> days(String from, String to) {
        return day(from).datesUntil(day(to).plusDays(1)).toList();
    }

    @Test
    void theCurrentMonthOfTheYearToDateIsReadWholeWhenItsLaterDaysHaveNoReferralsYet() {
        PartialMonths.Plan plan = PartialMonths.plan(days("2026-11-01", "2026-11-23"),
                Map.of(day("2026-11-02"), 40L, day("2026-11-23"), 3L));
        assertEquals(new PartialMonths.Plan(List.of(day("2026-11-01")), List.of(), List.of()), plan);
    }

    @Test
    void aMonthMostlyInThePeriodIsItsHistogramLessTheDaysLeftOut() {
        PartialMonths.Plan plan = PartialMonths.plan(days("2026-03-04", "2026-03-31"),
                Map.of(day("2026-03-03"), 1L, day("2026-03-10"), 1L, day("2026-03-20"), 1L, day("2026-03-25"), 1L));
        assertEquals(new PartialMonths.Plan(List.of(day("2026-03-01")), List.of(), List.of(day("2026-03-03"))), plan);
    }

    @Test
    void aMonthMostlyOutsideThePeriodIsReadFromTheDaysInItThatHaveReferrals() {
        PartialMonths.Plan plan = PartialMonths.plan(days("2026-03-15", "2026-03-31"),
                Map.of(day("2026-03-03"), 2L, day("2026-03-10"), 1L, day("2026-03-20"), 1L, day("2026-03-25"), 1L));
        assertEquals(new PartialMonths.Plan(List.of(), List.of(day("2026-03-20"), day("2026-03-25")), List.of()),
                plan);
    }

    @Test
    void monthsAtBothEndsAreDecidedEachOnTheirOwnAndEmptyOnesCostNothing() {
        List<LocalDate> period = new ArrayList<>(days("2026-01-20", "2026-01-31"));
        period.addAll(days("2026-05-01", "2026-05-05"));
        PartialMonths.Plan plan = PartialMonths.plan(period, Map.of(day("2026-01-25"), 7L, day("2026-01-02"), 1L,
                day("2026-05-20"), 4L));
        assertEquals(new PartialMonths.Plan(List.of(day("2026-01-01")), List.of(), List.of(day("2026-01-02"))), plan);
    }
}
