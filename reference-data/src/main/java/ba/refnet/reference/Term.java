package ba.refnet.reference;

import java.util.Map;

/**
 * One entry of a code list: a stable code, its parent's code (or null at the top), its kind where the list has
 * several (an administrative unit is a country, entity, district, canton, city or municipality), and its labels by
 * language tag.
 */
public record Term(String code, String parentCode, String kind, Map<String, String> labels) {

    public Term {
        labels = Map.copyOf(labels);
    }

    /** The label in the given language, falling back to Bosnian, the network's working language. */
    public String label(String language) {
        return labels.getOrDefault(language, labels.get(Languages.DEFAULT));
    }
}
