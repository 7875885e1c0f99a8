package ba.refnet.contracts.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A case moved in the case-management process (status changed, closed or reopened: the CloudEvents type says
 * which). Codes only, never notes.
 *
 * @param reasonCode for closures, null otherwise
 */
public record CaseStatusChangedV1(
        UUID caseId,
        UUID organizationId,
        CaseStatus fromStatus,
        CaseStatus status,
        ClosureReason reasonCode,
        Instant changedAt) {
}
