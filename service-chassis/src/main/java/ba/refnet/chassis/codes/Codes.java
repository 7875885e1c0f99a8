package ba.refnet.chassis.codes;

import ba.refnet.contracts.EventCodes;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The API and event code of an enum constant is its name in lower case: {@code CHILD_FOUND_BEGGING} ↔ {@code child_found_begging}. */
public final class Codes {

    private Codes() {
    }

    public static String of(Enum<?> value) {
        return EventCodes.of(value);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(code)).findFirst();
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Codes::of).collect(Collectors.joining(", "));
    }

    /**
     * The constant of the same code in another enum: a domain's own value as the contract enum of its events.
     *
     * @return null for null
     * @throws IllegalArgumentException when {@code type} has no such code (a mapping test catches it)
     */
    public static <E extends Enum<E>> E as(Class<E> type, Enum<?> value) {
        return value == null ? null : EventCodes.parse(type, of(value));
    }
}
