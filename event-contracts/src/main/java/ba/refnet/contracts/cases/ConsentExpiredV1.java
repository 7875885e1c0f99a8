package ba.refnet.contracts.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consent reached its expiry date; whatever relied on it must stop sharing, as after a withdrawal. */
public record ConsentExpiredV1(
        UUID consentId,
        UUID caseId,
        UUID organizationId,
        List<UUID> memberIds,
        ConsentPurpose purpose,
        Instant expiredAt) {
}
