package ba.refnet.contracts.cases;

import ba.refnet.contracts.common.Person;
import java.time.Instant;
import java.util.UUID;

/** A person was added to a case, or their role, sex or age band changed. Pseudonymous, like {@link CaseOpenedV1}. */
public record CaseMemberChangedV1(
        UUID caseId,
        UUID organizationId,
        Person member,
        Instant changedAt) {
}
