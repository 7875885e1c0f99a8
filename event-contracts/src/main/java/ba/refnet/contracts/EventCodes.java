package ba.refnet.contracts;

import java.util.Arrays;
import java.util.Locale;

/**
 * The code of an enum constant in events (and on the APIs): its name in lower case, {@code NOT_ACCEPTING} ↔
 * {@code not_accepting}. The code enums of the contracts serialize as their codes, so producers and consumers
 * compare enums while the JSON stays the codes the schemas list.
 */
public final class EventCodes {

    private EventCodes() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a code the type does not have (the event is then dead-lettered) */
    public static <E extends Enum<E>> E parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " has the code '"
                        + code + "'"));
    }
}
