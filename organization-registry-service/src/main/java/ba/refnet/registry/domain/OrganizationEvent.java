package ba.refnet.registry.domain;

import ba.refnet.chassis.domain.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** What happens to an organisation's directory entry, as {@link Organization} records it. Public directory data. */
public sealed interface OrganizationEvent extends DomainEvent {

    UUID organizationId();

    record OrganizationRegistered(UUID organizationId, String name, LegalForm legalForm, String municipalityCode,
            Instant registeredAt) implements OrganizationEvent {
    }

    record OrganizationUpdated(UUID organizationId, String name, LegalForm legalForm, String municipalityCode,
            boolean active, Instant updatedAt) implements OrganizationEvent {
    }

    /** It left the network: its entry stays, no longer offered. */
    record OrganizationDeactivated(UUID organizationId, String name, LegalForm legalForm, String municipalityCode,
            Instant deactivatedAt) implements OrganizationEvent {
    }
}
