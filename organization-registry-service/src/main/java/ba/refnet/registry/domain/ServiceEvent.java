package ba.refnet.registry.domain;

import ba.refnet.chassis.domain.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happens to a service, as {@link HumanService} records it; each event carries the service as it is then. */
public sealed interface ServiceEvent extends DomainEvent {

    Listing service();

    /** What the network needs to know of a service to refer to it. */
    record Listing(UUID serviceId, UUID organizationId, String name, List<String> supportTypes, ServiceStatus status,
            boolean withdrawn, IntakeStatus intakeStatus, Integer freePlaces, List<String> coveredMunicipalities) {
    }

    record ServiceAdded(Listing service, Instant addedAt) implements ServiceEvent {
    }

    record ServiceUpdated(Listing service, Instant updatedAt) implements ServiceEvent {
    }

    /** Whether it takes referrals, or its free places, changed. */
    record ServiceIntakeChanged(Listing service, Instant changedAt) implements ServiceEvent {
    }

    record ServiceWithdrawn(Listing service, Instant withdrawnAt) implements ServiceEvent {
    }
}
