package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.reporting.domain.PeriodSpans.Kind;
import ba.refnet.reporting.domain.PeriodSpans.Span;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodSpansTest {

    private static ReportPeriod period(String from, String to) {
        return new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void theYearToDateIsItsWholeMonthsAndTheDaysOfTheLast() {
        List<Span> spans = PeriodSpans.cover(period("2026-01-01", "2026-11-23"));
        assertEquals(10 + 23, spans.size());
        assertEquals(new Span(Kind.MONTH, LocalDate.parse("2026-01-01")), spans.get(0));
        assertEquals(new Span(Kind.DAY, LocalDate.parse("2026-11-23")), spans.get(spans.size() - 1));
    }

    @Test
    void wholeYearsAreOneSpanAndOddDaysAtBothEndsStayDays() {
        List<Span> spans = PeriodSpans.cover(period("2024-12-30", "2026-02-02"));
        assertEquals(List.of(new Span(Kind.DAY, LocalDate.parse("2024-12-30")),
                new Span(Kind.DAY, LocalDate.parse("2024-12-31")), new Span(Kind.YEAR, LocalDate.parse("2025-01-01")),
                new Span(Kind.MONTH, LocalDate.parse("2026-01-01")), new Span(Kind.DAY, LocalDate.parse("2026-02-01")),
                new Span(Kind.DAY, LocalDate.parse("2026-02-02"))), spans);
    }

    @Test
    void everyDayOfThePeriodIsInExactlyOneSpan() {
        ReportPeriod period = period("2025-03-17", "2026-08-04");
        long days = 0;
        LocalDate next = period.from();
        for (Span span : PeriodSpans.cover(period)) {
            assertEquals(next, span.starts());
            next = switch (span.kind()) {
                case YEAR -> next.plusYears(1);
                case QUARTER -> next.plusMonths(3);
                case MONTH -> next.plusMonths(1);
                case DAY -> next.plusDays(1);
            };
            days++;
        }
        assertEquals(period.to().plusDays(1), next);
        assertTrue(days < 60, "few spans: " + days);
    }

    @Test
    void periodsFromTheStartOfAMonthQuarterOrYearOpenThatSpan() {
        assertEquals(new Span(Kind.MONTH, LocalDate.parse("2026-06-01")),
                PeriodSpans.opening(period("2026-06-01", "2026-06-30")).orElseThrow());
        assertEquals(new Span(Kind.MONTH, LocalDate.parse("2026-11-01")),
                PeriodSpans.opening(period("2026-11-01", "2026-11-23")).orElseThrow());
        assertEquals(new Span(Kind.QUARTER, LocalDate.parse("2026-04-01")),
                PeriodSpans.opening(period("2026-04-01", "2026-05-15")).orElseThrow());
        assertEquals(new Span(Kind.YEAR, LocalDate.parse("2026-01-01")),
                PeriodSpans.opening(period("2026-01-01", "2026-11-23")).orElseThrow());
        assertTrue(PeriodSpans.opening(period("2026-02-01", "2026-05-15")).isEmpty(), "February opens no quarter");
        assertTrue(PeriodSpans.opening(period("2026-01-02", "2026-01-05")).isEmpty());
        assertTrue(PeriodSpans.opening(period("2026-01-01", "2027-01-01")).isEmpty(), "longer than a year");
    }

    @Test
    void oddDaysFormRunsOfConsecutiveDays() {
        List<ReportPeriod> runs = PeriodSpans.runs(List.of(LocalDate.parse("2026-01-30"), LocalDate.parse("2026-01-31"),
                LocalDate.parse("2026-03-01")));
        assertEquals(List.of(period("2026-01-30", "2026-01-31"), period("2026-03-01", "2026-03-01")), runs);
        assertTrue(PeriodSpans.runs(List.of()).isEmpty());
    }
}
