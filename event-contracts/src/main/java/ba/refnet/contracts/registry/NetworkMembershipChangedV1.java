package ba.refnet.contracts.registry;

import java.time.Instant;
import java.util.UUID;

/** An organisation joined or left a network or working group. */
public record NetworkMembershipChangedV1(
        UUID networkId,
        String networkName,
        NetworkKind networkKind,
        UUID coordinatingOrganizationId,
        String municipalityCode,
        UUID organizationId,
        MembershipChange change,
        Instant changedAt) {
}
