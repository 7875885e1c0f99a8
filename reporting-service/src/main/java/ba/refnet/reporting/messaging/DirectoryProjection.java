package ba.refnet.reporting.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.registry.IntakeStatus;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.MemorandumSignedV1;
import ba.refnet.contracts.registry.NetworkMembershipChangedV1;
import ba.refnet.contracts.registry.OrganizationChangedV1;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.contracts.registry.ServiceAddedV1;
import ba.refnet.contracts.registry.ServiceChangedV1;
import ba.refnet.contracts.registry.ServiceStatus;
import ba.refnet.reporting.service.Aggregates;
import ba.refnet.reporting.service.FigureChanges;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the directory's figures from the registry's events: organisations, services with the municipalities they
 * cover, network membership and memoranda.
 */
@ApplicationScoped
public class DirectoryProjection {

    static final String CONSUMER = "reporting-directory-projection";

    @Inject
    Clock clock;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    Event<FigureChanges.Change> changed;

    @Inject
    Aggregates aggregates;

    @Incoming("registry-organizations")
    @Blocking
    @Transactional
    public void onOrganizationEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    @Incoming("registry-services")
    @Blocking
    @Transactional
    public void onServiceEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    @Incoming("registry-networks")
    @Blocking
    @Transactional
    public void onNetworkEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    /** One command on the directory's figures per event type; every registry event may move the network report. */
    private void apply(CloudEvent event) {
        networkChanged();
        EventType type = EventType.ofType(event.getType()).orElse(null);
        if (type == null) {
            return;
        }
        switch (type) {
            case ORGANIZATION_REGISTERED -> registerOrganization(inbox.data(event, OrganizationRegisteredV1.class));
            case ORGANIZATION_UPDATED, ORGANIZATION_DEACTIVATED -> changeOrganization(inbox.data(event,
                    OrganizationChangedV1.class));
            case SERVICE_ADDED -> addService(inbox.data(event, ServiceAddedV1.class));
            case SERVICE_UPDATED, SERVICE_INTAKE_CHANGED, SERVICE_WITHDRAWN -> changeService(inbox.data(event,
                    ServiceChangedV1.class));
            case NETWORK_MEMBERSHIP_CHANGED -> changeMembership(inbox.data(event, NetworkMembershipChangedV1.class));
            case MEMORANDUM_SIGNED -> recordMemorandum(inbox.data(event, MemorandumSignedV1.class));
            default -> {
                // not a registry event: nothing of the directory changes
            }
        }
    }

    private void registerOrganization(OrganizationRegisteredV1 e) {
        organization(e.organizationId(), e.name(), e.legalForm(), e.municipalityCode(), true);
    }

    private void changeOrganization(OrganizationChangedV1 e) {
        organization(e.organizationId(), e.name(), e.legalForm(), e.municipalityCode(), e.active());
    }

    private void addService(ServiceAddedV1 e) {
        service(e.serviceId(), e.organizationId(), e.supportTypes(), e.coveredMunicipalities(), e.status(),
                e.intakeStatus());
    }

    private void changeService(ServiceChangedV1 e) {
        service(e.serviceId(), e.organizationId(), e.supportTypes(), e.coveredMunicipalities(), e.status(),
                e.intakeStatus());
    }

    private void changeMembership(NetworkMembershipChangedV1 e) {
        aggregates.aroundMembership(e.organizationId(), () -> {
            switch (e.change()) {
                case JOINED -> join(e);
                case LEFT -> leave(e);
            }
        });
    }

    private void recordMemorandum(MemorandumSignedV1 e) {
        em.createNativeQuery("""
                INSERT INTO memorandum_fact (memorandum_id, title, kind, network_id, signatories, signed_on,
                    valid_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (memorandum_id) DO NOTHING""")
                .setParameter(1, e.memorandumId()).setParameter(2, e.title()).setParameter(3, e.kind().code())
                .setParameter(4, e.networkId())
                .setParameter(5, e.signatoryOrganizationIds().toArray(new UUID[0]))
                .setParameter(6, Date.valueOf(e.signedOn()))
                .setParameter(7, e.validUntil() == null ? null : Date.valueOf(e.validUntil())).executeUpdate();
    }

    private void networkChanged() {
        changed.fire(new FigureChanges.Change(Set.of(FigureChanges.Report.NETWORK), Set.of(), Set.of(), clock.instant()));
    }

    private void organization(UUID id, String name, LegalForm legalForm, String municipality, boolean active) {
        em.createNativeQuery("""
                INSERT INTO organization_fact (organization_id, legal_form, municipality_code, active, name)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (organization_id) DO UPDATE SET
                    legal_form = EXCLUDED.legal_form, municipality_code = EXCLUDED.municipality_code,
                    active = EXCLUDED.active, name = EXCLUDED.name""")
                .setParameter(1, id).setParameter(2, legalForm.code()).setParameter(3, municipality)
                .setParameter(4, active).setParameter(5, name).executeUpdate();
    }

    private void service(UUID id, UUID organization, List<String> types, List<String> covered, ServiceStatus status,
            IntakeStatus intake) {
        em.createNativeQuery("""
                INSERT INTO service_fact (service_id, organization_id, support_types, covered_municipalities, status,
                    intake_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (service_id) DO UPDATE SET support_types = EXCLUDED.support_types,
                    covered_municipalities = EXCLUDED.covered_municipalities, status = EXCLUDED.status,
                    intake_status = EXCLUDED.intake_status""")
                .setParameter(1, id).setParameter(2, organization).setParameter(3, CaseProjection.array(types))
                .setParameter(4, CaseProjection.array(covered)).setParameter(5, status.code())
                .setParameter(6, intake.code())
                .executeUpdate();
    }

    private void join(NetworkMembershipChangedV1 e) {
        em.createNativeQuery("""
                INSERT INTO network_member_fact (network_id, network_name, network_kind, organization_id)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT (network_id, organization_id) DO NOTHING""")
                .setParameter(1, e.networkId()).setParameter(2, e.networkName())
                .setParameter(3, e.networkKind().code()).setParameter(4, e.organizationId()).executeUpdate();
    }

    private void leave(NetworkMembershipChangedV1 e) {
        em.createNativeQuery("DELETE FROM network_member_fact WHERE network_id = ?1 AND organization_id = ?2")
                .setParameter(1, e.networkId()).setParameter(2, e.organizationId()).executeUpdate();
    }
}
