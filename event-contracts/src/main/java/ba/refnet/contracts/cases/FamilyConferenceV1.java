package ba.refnet.contracts.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A family group conference (porodična grupna konferencija) held on a case, or its family dropping out (the
 * CloudEvents type says which): counts by role and codes, never decisions or plans.
 *
 * @param dropOutReason with a drop-out, null otherwise
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
        ConferenceOutcome outcome,
        boolean droppedOut,
        DropOutReason dropOutReason,
        Instant recordedAt) {
}
