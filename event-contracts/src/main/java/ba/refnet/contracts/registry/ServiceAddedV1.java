package ba.refnet.contracts.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organisation offers a new service. */
public record ServiceAddedV1(
        UUID serviceId,
        UUID organizationId,
        String name,
        List<String> supportTypes,
        String status,
        String intakeStatus,
        Instant addedAt) {
}
