package ba.refnet.registry.hsds;

import java.util.List;
import java.util.Optional;

/**
 * The registry's legal form for an imported organisation's free-text legal status (already folded: lower case, Latin,
 * no diacritics). The rules are tried in order, the most specific first, so that "Javna ustanova Dom zdravlja" is a
 * health centre and "Javna ustanova Centar za socijalni rad" a centre for social work, not merely public
 * institutions; the same status always gives the same form.
 */
final class LegalForms {

    private record Rule(String legalForm, List<String> words) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("centre_for_social_work", List.of("socijal", "social work")),
            new Rule("health_centre", List.of("dom zdravlja")),
            new Rule("school", List.of("skola", "school")),
            new Rule("police", List.of("polic")),
            new Rule("international_organisation", List.of("international")),
            new Rule("health_centre", List.of("health")),
            new Rule("public_institution", List.of("javna ustanova")),
            new Rule("ngo", List.of("udruz", "ngo", "non profit", "nonprofit", "charity", "fondacija", "foundation")));

    /** The first rule with a word the status contains; empty when none does. */
    static Optional<String> of(String foldedStatus) {
        for (Rule rule : RULES) {
            if (rule.words().stream().anyMatch(foldedStatus::contains)) {
                return Optional.of(rule.legalForm());
            }
        }
        return Optional.empty();
    }

    private LegalForms() {
    }
}
