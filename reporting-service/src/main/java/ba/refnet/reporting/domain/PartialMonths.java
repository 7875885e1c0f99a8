package ba.refnet.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the waiting times of a month that a period covers only in part are read when a slice keeps its histograms
 * per month only: from the facts of the period's days in it, or as the month's histogram less the facts of its other
 * days, whichever reads fewer referrals. The year to date is the common case: the rest of the current month has no
 * referrals yet, so the month's histogram alone is the answer.
 */
public final class PartialMonths {

    /**
     * @param wholeMonths months whose histogram is read whole
     * @param addedDays days whose referrals are read from the facts and added
     * @param subtractedDays days whose referrals are read from the facts and taken out of their month's histogram
     */
    public record Plan(List<LocalDate> wholeMonths, List<LocalDate> addedDays, List<LocalDate> subtractedDays) {
    }

    private PartialMonths() {
    }

    /** The first day of every month the days fall in. */
    public static List<LocalDate> months(List<LocalDate> days) {
        return days.stream().map(d -> d.withDayOfMonth(1)).distinct().sorted().toList();
    }

    /**
     * @param periodDays the period's days outside its whole months, in ascending order
     * @param referralsPerDay the slice's referrals requested on each day of those months (days without any left out)
     */
    public static Plan plan(List<LocalDate> periodDays, Map<LocalDate, Long> referralsPerDay) {
        List<LocalDate> wholeMonths = new ArrayList<>();
        List<LocalDate> added = new ArrayList<>();
        List<LocalDate> subtracted = new ArrayList<>();
        for (LocalDate month : months(periodDays)) {
            List<LocalDate> inPeriod = periodDays.stream().filter(d -> d.withDayOfMonth(1).equals(month)).toList();
            TreeMap<LocalDate, Long> inside = new TreeMap<>();
            TreeMap<LocalDate, Long> outside = new TreeMap<>();
            referralsPerDay.forEach((day, referrals) -> {
                if (referrals != 0 && day.withDayOfMonth(1).equals(month)) {
                    (inPeriod.contains(day) ? inside : outside).put(day, referrals);
                }
            });
            long in = inside.values().stream().mapToLong(Long::longValue).sum();
            long out = outside.values().stream().mapToLong(Long::longValue).sum();
            if (in == 0) {
                continue;
            }
            if (out < in) {
                wholeMonths.add(month);
                subtracted.addAll(outside.keySet());
            } else {
                added.addAll(inside.keySet());
            }
        }
        return new Plan(wholeMonths, added, subtracted);
    }
}
