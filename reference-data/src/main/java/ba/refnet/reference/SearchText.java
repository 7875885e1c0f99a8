package ba.refnet.reference;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds text written in Bosnian, Croatian or Serbian, in Latin or Cyrillic script, with or without diacritics, to
 * one comparable form: "Čelić", "Celic" and "Челић" all become "celic". Used for search and for matching names.
 */
public final class SearchText {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('ђ', "dj"), Map.entry('е', "e"), Map.entry('ж', "z"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('ј', "j"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('љ', "lj"), Map.entry('м', "m"),
            Map.entry('н', "n"), Map.entry('њ', "nj"), Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
            Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('ћ', "c"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "h"), Map.entry('ц', "c"), Map.entry('ч', "c"), Map.entry('џ', "dz"), Map.entry('ш', "s"));

    private SearchText() {
    }

    /** Lower case, Latin, without diacritics; anything but letters and digits becomes a single space. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            latin.append(CYRILLIC.getOrDefault(c, String.valueOf(c)));
        }
        // đ has no decomposition; the rest (č, ć, š, ž) lose their marks
        String decomposed = Normalizer.normalize(latin.toString().replace("đ", "dj").replace("dž", "dz"),
                Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", " ").strip();
    }
}
