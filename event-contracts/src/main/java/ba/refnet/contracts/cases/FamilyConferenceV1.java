package ba.refnet.contracts.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A family group conference (porodična grupna konferencija) held on a case, or its family dropping out (the
 * CloudEvents type says which): counts by role and codes, never decisions or plans.
 *
 * @param outcome plan_agreed, partial_agreement, no_agreement or postponed
 */
public record FamilyConferenceV1(
        UUID conferenceId,
        UUID caseId,
        UUID organizationId,
        LocalDate heldOn,
        int children,
        int parents,
        int extendedFamily,
        int professionals,
        String outcome,
        boolean droppedOut,
        String dropOutReason,
        Instant recordedAt) {
}
