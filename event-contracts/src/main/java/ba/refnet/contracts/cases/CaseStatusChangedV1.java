package ba.refnet.contracts.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A case moved in the case-management process (status changed, closed or reopened: the CloudEvents type says
 * which). Codes only, never notes.
 *
 * @param reasonCode for closures: goals_achieved, transferred, moved_away, no_longer_eligible, family_declined, other
 */
public record CaseStatusChangedV1(
        UUID caseId,
        UUID organizationId,
        String fromStatus,
        String status,
        String reasonCode,
        Instant changedAt) {
}
