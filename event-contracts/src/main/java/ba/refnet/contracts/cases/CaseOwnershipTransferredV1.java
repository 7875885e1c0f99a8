package ba.refnet.contracts.cases;

import java.time.Instant;
import java.util.UUID;

/** The receiving organisation accepted a case: from now on it owns the case, its consents and its referrals to come. */
public record CaseOwnershipTransferredV1(
        UUID caseId,
        UUID fromOrganizationId,
        UUID toOrganizationId,
        Instant transferredAt) {
}
