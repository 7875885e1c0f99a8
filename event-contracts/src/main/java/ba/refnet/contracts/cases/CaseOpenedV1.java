package ba.refnet.contracts.cases;

import ba.refnet.contracts.common.Person;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case (a household or one person) was opened. Pseudonymous: no names, identity numbers or addresses.
 *
 * @param needs support-type codes of the registry's taxonomy
 */
public record CaseOpenedV1(
        UUID caseId,
        UUID organizationId,
        String municipalityCode,
        List<Person> members,
        List<String> vulnerabilities,
        List<String> needs,
        Instant openedAt) {
}
