package ba.refnet.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the code enums of the events are written: the constant's name in lower case ({@code IN_PROGRESS} ↔
 * {@code in_progress}). Reading a code this version does not know fails with the codes it does know, so an event of a
 * newer producer is refused (and dead-lettered by the consumer) instead of being read as something else.
 */
public final class EventCodes {

    private EventCodes() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String code) {
        for (E candidate : type.getEnumConstants()) {
            if (of(candidate).equals(code)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code '" + code + "'; known: "
                + Arrays.stream(type.getEnumConstants()).map(EventCodes::of).collect(Collectors.joining(", ")));
    }
}
