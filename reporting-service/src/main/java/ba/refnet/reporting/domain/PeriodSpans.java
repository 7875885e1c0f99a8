package ba.refnet.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A period cut into the fewest whole calendar years, months and single days, the spans the aggregates are kept
 * for: 1 January to 23 November is ten months and 23 days.
 */
public final class PeriodSpans {

    public enum Kind {
        YEAR('y'), QUARTER('q'), MONTH('m'), DAY('d');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /** How the aggregates' {@code span} column names it. */
        public String code() {
            return String.valueOf(code);
        }
    }

    public record Span(Kind kind, LocalDate starts) {
    }

    private PeriodSpans() {
    }

    /** Years, months and days that together are the period, each day in exactly one of them. */
    public static List<Span> cover(ReportPeriod period) {
        List<Span> spans = new ArrayList<>();
        LocalDate day = period.from();
        while (!day.isAfter(period.to())) {
            if (day.getDayOfYear() == 1 && !day.plusYears(1).minusDays(1).isAfter(period.to())) {
                spans.add(new Span(Kind.YEAR, day));
                day = day.plusYears(1);
            } else if (day.getDayOfMonth() == 1 && !day.plusMonths(1).minusDays(1).isAfter(period.to())) {
                spans.add(new Span(Kind.MONTH, day));
                day = day.plusMonths(1);
            } else {
                spans.add(new Span(Kind.DAY, day));
                day = day.plusDays(1);
            }
        }
        return spans;
    }

    /** Days in ascending order as runs of consecutive days, each a period of its own. */
    public static List<ReportPeriod> runs(List<LocalDate> days) {
        List<ReportPeriod> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (LocalDate day : days) {
            if (last != null && !day.equals(last.plusDays(1))) {
                runs.add(new ReportPeriod(first, last));
                first = null;
            }
            first = first == null ? day : first;
            last = day;
        }
        if (first != null) {
            runs.add(new ReportPeriod(first, last));
        }
        return runs;
    }

    /**
     * The smallest calendar month, quarter or year that starts on the period's first day and holds its last: the
     * households reached in the period are those first reached within that span by the period's last day.
     */
    public static Optional<Span> opening(ReportPeriod period) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        if (from.getDayOfMonth() != 1) {
            return Optional.empty();
        }
        if (to.isBefore(from.plusMonths(1))) {
            return Optional.of(new Span(Kind.MONTH, from));
        }
        if ((from.getMonthValue() - 1) % 3 == 0 && to.isBefore(from.plusMonths(3))) {
            return Optional.of(new Span(Kind.QUARTER, from));
        }
        if (from.getDayOfYear() == 1 && to.isBefore(from.plusYears(1))) {
            return Optional.of(new Span(Kind.YEAR, from));
        }
        return Optional.empty();
    }
}
