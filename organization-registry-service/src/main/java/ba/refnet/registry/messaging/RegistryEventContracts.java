package ba.refnet.registry.messaging;

import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.domain.DomainEvent;
import ba.refnet.chassis.outbox.EventContracts;
import ba.refnet.chassis.outbox.PublishedEvent;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.registry.IntakeStatus;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.MembershipChange;
import ba.refnet.contracts.registry.MemorandumKind;
import ba.refnet.contracts.registry.MemorandumSignedV1;
import ba.refnet.contracts.registry.NetworkKind;
import ba.refnet.contracts.registry.NetworkMembershipChangedV1;
import ba.refnet.contracts.registry.OrganizationChangedV1;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.contracts.registry.ServiceAddedV1;
import ba.refnet.contracts.registry.ServiceChangedV1;
import ba.refnet.contracts.registry.ServiceStatus;
import ba.refnet.registry.domain.MemorandumEvent;
import ba.refnet.registry.domain.MemorandumEvent.MemorandumSigned;
import ba.refnet.registry.domain.NetworkEvent;
import ba.refnet.registry.domain.NetworkEvent.OrganizationJoined;
import ba.refnet.registry.domain.NetworkEvent.OrganizationLeft;
import ba.refnet.registry.domain.OrganizationEvent;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationDeactivated;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationRegistered;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationUpdated;
import ba.refnet.registry.domain.ServiceEvent;
import ba.refnet.registry.domain.ServiceEvent.Listing;
import ba.refnet.registry.domain.ServiceEvent.ServiceAdded;
import ba.refnet.registry.domain.ServiceEvent.ServiceIntakeChanged;
import ba.refnet.registry.domain.ServiceEvent.ServiceUpdated;
import ba.refnet.registry.domain.ServiceEvent.ServiceWithdrawn;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The registry's published language: each domain event of an organisation, a service, a network or a memorandum as
 * the contract type the other services read, keyed by its aggregate.
 */
@ApplicationScoped
public class RegistryEventContracts implements EventContracts {

    @Override
    public PublishedEvent toContract(DomainEvent event) {
        return switch (event) {
            case OrganizationEvent e -> organization(e);
            case ServiceEvent e -> service(e);
            case NetworkEvent e -> network(e);
            case MemorandumEvent e -> memorandum(e);
            default -> throw new IllegalArgumentException("not an event of the registry: " + event);
        };
    }

    static PublishedEvent organization(OrganizationEvent event) {
        return switch (event) {
            case OrganizationRegistered e -> new PublishedEvent(EventType.ORGANIZATION_REGISTERED, e.organizationId(),
                    new OrganizationRegisteredV1(e.organizationId(), e.name(), legalForm(e.legalForm()),
                            e.municipalityCode(), e.registeredAt()));
            case OrganizationUpdated e -> new PublishedEvent(EventType.ORGANIZATION_UPDATED, e.organizationId(),
                    new OrganizationChangedV1(e.organizationId(), e.name(), legalForm(e.legalForm()),
                            e.municipalityCode(), e.active(), e.updatedAt()));
            case OrganizationDeactivated e -> new PublishedEvent(EventType.ORGANIZATION_DEACTIVATED,
                    e.organizationId(), new OrganizationChangedV1(e.organizationId(), e.name(),
                            legalForm(e.legalForm()), e.municipalityCode(), false, e.deactivatedAt()));
        };
    }

    static PublishedEvent service(ServiceEvent event) {
        Listing s = event.service();
        return switch (event) {
            case ServiceAdded e -> new PublishedEvent(EventType.SERVICE_ADDED, s.serviceId(), new ServiceAddedV1(
                    s.serviceId(), s.organizationId(), s.name(), s.supportTypes(), status(s), intake(s),
                    s.freePlaces(), s.coveredMunicipalities(), e.addedAt()));
            case ServiceUpdated e -> changed(EventType.SERVICE_UPDATED, s, e.updatedAt());
            case ServiceIntakeChanged e -> changed(EventType.SERVICE_INTAKE_CHANGED, s, e.changedAt());
            case ServiceWithdrawn e -> changed(EventType.SERVICE_WITHDRAWN, s, e.withdrawnAt());
        };
    }

    private static PublishedEvent changed(EventType type, Listing s, Instant at) {
        return new PublishedEvent(type, s.serviceId(), new ServiceChangedV1(s.serviceId(), s.organizationId(),
                s.name(), s.supportTypes(), status(s), intake(s), s.freePlaces(), s.coveredMunicipalities(), at));
    }

    static PublishedEvent network(NetworkEvent event) {
        return switch (event) {
            case OrganizationJoined e -> new PublishedEvent(EventType.NETWORK_MEMBERSHIP_CHANGED, e.networkId(),
                    new NetworkMembershipChangedV1(e.networkId(), e.networkName(), Codes.as(NetworkKind.class,
                            e.kind()), e.coordinatingOrganizationId(), e.municipalityCode(), e.organizationId(),
                            MembershipChange.JOINED, e.joinedAt()));
            case OrganizationLeft e -> new PublishedEvent(EventType.NETWORK_MEMBERSHIP_CHANGED, e.networkId(),
                    new NetworkMembershipChangedV1(e.networkId(), e.networkName(), Codes.as(NetworkKind.class,
                            e.kind()), e.coordinatingOrganizationId(), e.municipalityCode(), e.organizationId(),
                            MembershipChange.LEFT, e.leftAt()));
        };
    }

    static PublishedEvent memorandum(MemorandumEvent event) {
        return switch (event) {
            case MemorandumSigned e -> new PublishedEvent(EventType.MEMORANDUM_SIGNED, e.memorandumId(),
                    new MemorandumSignedV1(e.memorandumId(), e.title(), Codes.as(MemorandumKind.class, e.kind()),
                            e.networkId(), e.signatoryOrganizationIds(), e.signedOn(), e.validUntil(),
                            e.recordedAt()));
        };
    }

    /** A withdrawn service keeps its last status in the directory; the network reads it as withdrawn. */
    private static ServiceStatus status(Listing s) {
        return s.withdrawn() ? ServiceStatus.WITHDRAWN : Codes.as(ServiceStatus.class, s.status());
    }

    private static IntakeStatus intake(Listing s) {
        return Codes.as(IntakeStatus.class, s.intakeStatus());
    }

    private static LegalForm legalForm(Enum<?> legalForm) {
        return Codes.as(LegalForm.class, legalForm);
    }
}
