package ba.refnet.contracts.registry;

import java.time.Instant;
import java.util.UUID;

/** An organisation's directory entry changed, or it was deactivated (it left the network). Public directory data. */
public record OrganizationChangedV1(
        UUID organizationId,
        String name,
        LegalForm legalForm,
        String municipalityCode,
        boolean active,
        Instant changedAt) {
}
