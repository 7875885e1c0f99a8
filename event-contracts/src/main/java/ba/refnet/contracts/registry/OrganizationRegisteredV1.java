package ba.refnet.contracts.registry;

import java.time.Instant;
import java.util.UUID;

/** An organisation joined the directory. Organisation data is public directory data. */
public record OrganizationRegisteredV1(
        UUID organizationId,
        String name,
        LegalForm legalForm,
        String municipalityCode,
        Instant registeredAt) {
}
