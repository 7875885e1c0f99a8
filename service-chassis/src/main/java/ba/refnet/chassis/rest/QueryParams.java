package ba.refnet.chassis.rest;

import ba.refnet.chassis.errors.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Optional query parameters, read as text and parsed here: JAX-RS would answer a 404 for an unparseable
 * {@code @QueryParam UUID}; callers get a 400 that names the parameter instead. Blank means absent.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String name, String value) {
        return parse(name, value, UUID::fromString, "must be a UUID");
    }

    public static LocalDate date(String name, String value) {
        return parse(name, value, LocalDate::parse, "must be a date as YYYY-MM-DD, not '" + value + "'");
    }

    public static Instant instant(String name, String value) {
        return parse(name, value, Instant::parse, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String problem) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException(name, problem);
        }
    }
}
