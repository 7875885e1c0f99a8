package ba.refnet.registry.hsds;

import ba.refnet.registry.domain.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small conversions from HSDS values to this directory's: weekly schedules and phone numbers. */
final class HsdsSchedules {

    private static final Set<String> DAYS = Set.of("mo", "tu", "we", "th", "fr", "sa", "su");

    private HsdsSchedules() {
    }

    /** "TH,FR" with 10:00:00 to 18:00:00 becomes two opening hours; anything unreadable gives none. */
    static List<Location.OpeningHours> hours(String byday, String opensAt, String closesAt) {
        List<Location.OpeningHours> hours = new ArrayList<>();
        if (byday == null || opensAt == null || closesAt == null || opensAt.length() < 5 || closesAt.length() < 5) {
            return hours;
        }
        for (String day : byday.split(",")) {
            String d = day.strip().toLowerCase(Locale.ROOT);
            if (DAYS.contains(d)) {
                hours.add(new Location.OpeningHours(d, opensAt.substring(0, 5), closesAt.substring(0, 5)));
            }
        }
        return hours;
    }

    /** Numbers sometimes arrive quoted ("\"+44 1234 234567\""). */
    static String cleanPhone(String number) {
        return number == null ? null : number.replace("\"", "").strip();
    }
}
