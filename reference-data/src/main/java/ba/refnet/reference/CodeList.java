package ba.refnet.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A hierarchical code list shipped with the platform (support types, target groups), read from a CSV resource
 * with the columns {@code code, parent} and one column per language of {@link Languages#SUPPORTED}.
 */
public final class CodeList {

    /** The kinds of administrative unit people live in: municipalities and cities. */
    public static final Set<String> LOCAL_KINDS = Set.of("municipality", "city");

    private final Map<String, Term> terms;

    private CodeList(Map<String, Term> terms) {
        this.terms = terms;
    }

    /** The support-type taxonomy: which support a service gives, which a family needs. */
    public static CodeList supportTypes() {
        return Holder.SUPPORT_TYPES;
    }

    /** Who a service is for. */
    public static CodeList targetGroups() {
        return Holder.TARGET_GROUPS;
    }

    /**
     * Bosnia and Herzegovina: the country, its two entities and Brčko District, the ten cantons of the Federation,
     * and every municipality and city (kind {@code municipality} or {@code city}).
     */
    public static CodeList administrativeUnits() {
        return Holder.ADMINISTRATIVE_UNITS;
    }

    public List<Term> terms() {
        return List.copyOf(terms.values());
    }

    public boolean contains(String code) {
        return terms.containsKey(code);
    }

    public Optional<Term> term(String code) {
        return Optional.ofNullable(terms.get(code));
    }

    /** The code and every code below it, for searches "by support type including its children". */
    public Set<String> withDescendants(String code) {
        Set<String> found = new LinkedHashSet<>();
        if (contains(code)) {
            found.add(code);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Term t : terms.values()) {
                    if (t.parentCode() != null && found.contains(t.parentCode()) && found.add(t.code())) {
                        grew = true;
                    }
                }
            }
        }
        return found;
    }

    /** The units of the given kinds at or below a code: "the municipalities of this canton". */
    public Set<String> withDescendants(String code, Set<String> kinds) {
        Set<String> found = new LinkedHashSet<>();
        for (String c : withDescendants(code)) {
            if (kinds.contains(terms.get(c).kind())) {
                found.add(c);
            }
        }
        return found;
    }

    /** Whether the code is a municipality or city (of the administrative units). */
    public boolean isMunicipality(String code) {
        return code != null && term(code).filter(t -> LOCAL_KINDS.contains(t.kind())).isPresent();
    }

    /** The municipalities and cities at or below a unit: "the municipalities of this canton". */
    public Set<String> municipalitiesIn(String code) {
        return withDescendants(code, LOCAL_KINDS);
    }

    /** The code and the codes above it, nearest first: a municipality, its canton, its entity, the country. */
    public List<String> withAncestors(String code) {
        List<String> chain = new ArrayList<>();
        Term term = terms.get(code);
        while (term != null) {
            chain.add(term.code());
            term = term.parentCode() == null ? null : terms.get(term.parentCode());
        }
        return chain;
    }

    /** The codes of the list that are not known, in their order; empty when all are. */
    public List<String> unknown(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(c -> !contains(c)).toList();
    }

    /** A code list of another module in the same CSV layout, e.g. the labels of a service's exports. */
    public static CodeList fromResource(Class<?> anchor, String resource) {
        return read(anchor, resource);
    }

    static CodeList read(String resource) {
        return read(CodeList.class, resource);
    }

    private static CodeList read(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CodeList parse(Reader reader) throws IOException {
        Map<String, Term> terms = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord row : format.parse(reader)) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (String language : Languages.SUPPORTED) {
                labels.put(language, row.get(language));
            }
            String parent = row.get("parent").isBlank() ? null : row.get("parent");
            String kind = row.isMapped("kind") ? row.get("kind") : null;
            if (parent != null && !terms.containsKey(parent)) {
                throw new IllegalStateException("code " + row.get("code") + " names parent " + parent
                        + " before it is defined");
            }
            terms.put(row.get("code"), new Term(row.get("code"), parent, kind, labels));
        }
        return new CodeList(terms);
    }

    /** Loaded once, on first use. */
    private static final class Holder {
        static final CodeList SUPPORT_TYPES = read("support-types.csv");
        static final CodeList TARGET_GROUPS = read("target-groups.csv");
        static final CodeList ADMINISTRATIVE_UNITS = read("administrative-units.csv");
    }
}
