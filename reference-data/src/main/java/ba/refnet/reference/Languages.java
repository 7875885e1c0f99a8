package ba.refnet.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the network's labels come in, as BCP 47 tags. */
public final class Languages {

    public static final String DEFAULT = "bs";
    public static final List<String> SUPPORTED = List.of("bs", "hr", "sr-Latn", "sr-Cyrl", "en");

    private Languages() {
    }

    /**
     * The best supported language for a list of preferred locales (an {@code Accept-Language} header, parsed).
     * Plain {@code sr} means Serbian in Cyrillic, the official script of Republika Srpska; {@code sr-Latn} and the
     * region {@code sr-BA} with a Latin script tag choose Latin.
     */
    public static String choose(List<Locale> preferred) {
        for (Locale locale : preferred) {
            Optional<String> match = match(locale);
            if (match.isPresent()) {
                return match.get();
            }
        }
        return DEFAULT;
    }

    static Optional<String> match(Locale locale) {
        return switch (locale.getLanguage()) {
            case "bs" -> Optional.of("bs");
            case "hr" -> Optional.of("hr");
            case "en" -> Optional.of("en");
            case "sr" -> Optional.of("Latn".equals(locale.getScript()) ? "sr-Latn" : "sr-Cyrl");
            default -> Optional.empty();
        };
    }
}
