package ba.refnet.registry.service;

import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.reference.CodeList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the codes a directory entry uses against the shipped reference data, collecting violations that name
 * their field, and expands service areas to the municipalities they cover.
 */
final class DirectoryCodes {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z]{2,4})?$");

    private final List<FieldViolation> violations;

    DirectoryCodes(List<FieldViolation> violations) {
        this.violations = violations;
    }

    void municipality(String field, String code) {
        if (code != null && !CodeList.administrativeUnits().isMunicipality(code)) {
            violations.add(new FieldViolation(field, "unknown municipality code '" + code
                    + "'; see GET /administrative-units?kind=municipality"));
        }
    }

    void supportTypes(String field, List<String> codes) {
        known(field, codes, CodeList.supportTypes(), "support type", "/support-types");
    }

    void targetGroups(String field, List<String> codes) {
        known(field, codes, CodeList.targetGroups(), "target group", "/target-groups");
    }

    void languages(String field, List<String> codes) {
        for (int i = 0; codes != null && i < codes.size(); i++) {
            if (!LANGUAGE.matcher(codes.get(i)).matches()) {
                violations.add(new FieldViolation(field + "[" + i + "]", "must be a language code such as bs, hr, "
                        + "sr, en or rom"));
            }
        }
    }

    /** The municipalities covered by the area codes (a municipality, a canton, an entity, Brčko District or BA). */
    Set<String> coveredMunicipalities(String field, List<String> areaCodes) {
        Set<String> covered = new TreeSet<>();
        for (int i = 0; areaCodes != null && i < areaCodes.size(); i++) {
            Set<String> units = CodeList.administrativeUnits().municipalitiesIn(areaCodes.get(i));
            if (units.isEmpty()) {
                violations.add(new FieldViolation(field + "[" + i + "]", "unknown administrative unit '"
                        + areaCodes.get(i) + "'; see GET /administrative-units"));
            }
            covered.addAll(units);
        }
        return covered;
    }

    private void known(String field, List<String> codes, CodeList list, String what, String where) {
        for (int i = 0; codes != null && i < codes.size(); i++) {
            if (!list.contains(codes.get(i))) {
                violations.add(new FieldViolation(field + "[" + i + "]", "unknown " + what + " '" + codes.get(i)
                        + "'; see GET " + where));
            }
        }
    }

    static List<String> distinct(List<String> codes) {
        return codes == null ? List.of() : List.copyOf(new LinkedHashSet<>(codes));
    }
}
