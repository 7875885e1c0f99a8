package ba.refnet.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A reporting period of whole days in Bosnia and Herzegovina's time zone, both ends included. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    private static final ZoneId ZONE = ZoneId.of("Europe/Sarajevo");
    /** Longer periods are no report anyone writes, and would only load the database. */
    public static final int MAX_YEARS = 10;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts (" + from + ") after it ends (" + to + ")");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw new IllegalArgumentException("a period spans at most " + MAX_YEARS + " years");
        }
    }

    public Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** Exclusive end: the first instant after the last day. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
