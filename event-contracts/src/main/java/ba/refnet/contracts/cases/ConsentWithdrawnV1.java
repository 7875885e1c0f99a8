package ba.refnet.contracts.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consent was withdrawn; whatever relied on it must stop sharing. */
public record ConsentWithdrawnV1(
        UUID consentId,
        UUID caseId,
        UUID organizationId,
        List<UUID> memberIds,
        ConsentPurpose purpose,
        Instant withdrawnAt) {
}
