package ba.refnet.contracts.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service changed: its description (updated), whether it takes referrals (intake changed), or it was withdrawn.
 *
 * @param freePlaces places free now, when the organisation says so
 * @param coveredMunicipalities the municipality codes its service area covers
 */
public record ServiceChangedV1(
        UUID serviceId,
        UUID organizationId,
        String name,
        List<String> supportTypes,
        ServiceStatus status,
        IntakeStatus intakeStatus,
        Integer freePlaces,
        List<String> coveredMunicipalities,
        Instant changedAt) {
}
