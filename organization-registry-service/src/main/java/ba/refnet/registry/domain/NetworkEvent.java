package ba.refnet.registry.domain;

import ba.refnet.chassis.domain.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Who belongs to a network, as {@link Network} records it; each event names the network as it is then. */
public sealed interface NetworkEvent extends DomainEvent {

    UUID networkId();

    record OrganizationJoined(UUID networkId, String networkName, Network.Kind kind, UUID coordinatingOrganizationId,
            String municipalityCode, UUID organizationId, Instant joinedAt) implements NetworkEvent {
    }

    record OrganizationLeft(UUID networkId, String networkName, Network.Kind kind, UUID coordinatingOrganizationId,
            String municipalityCode, UUID organizationId, Instant leftAt) implements NetworkEvent {
    }
}
