package ba.refnet.registry.domain;

import java.util.List;
import java.util.UUID;

/**
 * Where an organisation works (HSDS location with its address, accessibility and schedule).
 *
 * @param schedule opening hours, e.g. {@code mo 08:00-16:00}
 */
public record Location(UUID id, String name, String street, String city, String postalCode, String municipalityCode,
        Double latitude, Double longitude, String accessibility, List<OpeningHours> schedule) {

    public Location {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    /** Opening hours on one weekday ({@code mo} … {@code su}), times as {@code HH:mm}. */
    public record OpeningHours(String weekday, String opens, String closes) {
    }
}
