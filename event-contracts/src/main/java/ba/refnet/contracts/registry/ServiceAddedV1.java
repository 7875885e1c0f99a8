package ba.refnet.contracts.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation offers a new service.
 *
 * @param coveredMunicipalities the municipality codes its service area covers
 */
public record ServiceAddedV1(
        UUID serviceId,
        UUID organizationId,
        String name,
        List<String> supportTypes,
        ServiceStatus status,
        IntakeStatus intakeStatus,
        Integer freePlaces,
        List<String> coveredMunicipalities,
        Instant addedAt) {
}
