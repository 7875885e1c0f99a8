package ba.refnet.reporting.export;

import ba.refnet.reference.CodeList;
import ba.refnet.reference.Languages;

/** Headings and texts of the exports in one of the five languages; support types by the shared taxonomy. */
public final class Labels {

    private static final CodeList TEXTS = CodeList.fromResource(Labels.class, "labels.csv");

    private final String language;

    public Labels(String language) {
        this.language = Languages.SUPPORTED.contains(language) ? language : Languages.DEFAULT;
    }

    public String language() {
        return language;
    }

    public String get(String key) {
        return TEXTS.term(key).map(t -> t.label(language)).orElse(key);
    }

    public String supportType(String code) {
        return code == null ? get("col.total") : CodeList.supportTypes().term(code).map(t -> t.label(language))
                .orElse(code);
    }

    /** How a withheld cell is shown. */
    public static String withheld(int threshold) {
        return "<" + threshold;
    }

    public String suppressionNote(int threshold) {
        return get("text.suppressed").formatted(threshold, threshold);
    }
}
