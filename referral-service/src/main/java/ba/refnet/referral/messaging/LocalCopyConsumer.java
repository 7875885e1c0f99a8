package ba.refnet.referral.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.cases.CaseOwnershipTransferredV1;
import ba.refnet.contracts.cases.ConsentExpiredV1;
import ba.refnet.contracts.cases.ConsentGivenV1;
import ba.refnet.contracts.cases.ConsentScope;
import ba.refnet.contracts.cases.ConsentWithdrawnV1;
import ba.refnet.contracts.registry.OrganizationChangedV1;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.contracts.registry.ServiceAddedV1;
import ba.refnet.contracts.registry.ServiceChangedV1;
import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.KnownConsent;
import ba.refnet.referral.domain.KnownOrganization;
import ba.refnet.referral.domain.KnownService;
import ba.refnet.referral.persistence.KnownCaseRepository;
import ba.refnet.referral.persistence.KnownConsentRepository;
import ba.refnet.referral.persistence.KnownOrganizationRepository;
import ba.refnet.referral.persistence.KnownServiceRepository;
import ba.refnet.referral.service.ReferralLoop;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local copies of directory services, organisations, cases and consents that referrals are checked against, so that sending
 * a referral never calls another service. Idempotent through the inbox; unreadable events go to the
 * dead-letter topic (channel configuration).
 */
@ApplicationScoped
public class LocalCopyConsumer {

    static final String CONSUMER = "referral-local-copy";

    @Inject
    Inbox inbox;

    @Inject
    KnownServiceRepository services;

    @Inject
    KnownCaseRepository cases;

    @Inject
    KnownConsentRepository consents;

    @Inject
    KnownOrganizationRepository organizations;

    @Inject
    ReferralLoop loop;

    @Incoming("registry-services")
    @Blocking
    @Transactional
    public void onServiceEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    @Incoming("cases")
    @Blocking
    @Transactional
    public void onCaseEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    @Incoming("registry-organizations")
    @Blocking
    @Transactional
    public void onOrganizationEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    /** One command on the local copies per event type; the types that change no copy are skipped. */
    private void apply(CloudEvent event) {
        EventType type = EventType.ofType(event.getType()).orElse(null);
        if (type == null) {
            return;
        }
        switch (type) {
            case SERVICE_ADDED -> addService(inbox.data(event, ServiceAddedV1.class));
            case SERVICE_UPDATED, SERVICE_INTAKE_CHANGED, SERVICE_WITHDRAWN -> changeService(inbox.data(event,
                    ServiceChangedV1.class));
            case ORGANIZATION_REGISTERED -> registerOrganization(inbox.data(event, OrganizationRegisteredV1.class));
            case ORGANIZATION_UPDATED -> updateOrganization(inbox.data(event, OrganizationChangedV1.class));
            case CASE_OPENED -> openCase(inbox.data(event, CaseOpenedV1.class));
            case CASE_OWNERSHIP_TRANSFERRED -> transferCase(inbox.data(event, CaseOwnershipTransferredV1.class));
            case CONSENT_GIVEN -> giveConsent(inbox.data(event, ConsentGivenV1.class));
            case CONSENT_WITHDRAWN -> withdrawConsent(inbox.data(event, ConsentWithdrawnV1.class));
            case CONSENT_EXPIRED -> expireConsent(inbox.data(event, ConsentExpiredV1.class));
            default -> {
                // a deactivated organisation keeps its legal form; the other case events change no copy
            }
        }
    }

    /** Services keep their newest state; a withdrawn service stays known (old referrals name it) but takes none. */
    private void addService(ServiceAddedV1 added) {
        services.getEntityManager().merge(new KnownService(added.serviceId(), added.organizationId(), added.name(),
                added.supportTypes(), added.status().code(), added.intakeStatus().code(), added.addedAt()));
    }

    private void changeService(ServiceChangedV1 changed) {
        services.getEntityManager().merge(new KnownService(changed.serviceId(), changed.organizationId(),
                changed.name(), changed.supportTypes(), changed.status().code(), changed.intakeStatus().code(),
                changed.changedAt()));
    }

    private void registerOrganization(OrganizationRegisteredV1 registered) {
        organizations.getEntityManager().merge(new KnownOrganization(registered.organizationId(),
                registered.legalForm().code(), registered.registeredAt()));
    }

    private void updateOrganization(OrganizationChangedV1 changed) {
        organizations.getEntityManager().merge(new KnownOrganization(changed.organizationId(),
                changed.legalForm().code(), changed.changedAt()));
    }

    private void openCase(CaseOpenedV1 opened) {
        cases.getEntityManager().merge(new KnownCase(opened.caseId(), opened.organizationId(),
                opened.municipalityCode(), opened.members(), opened.vulnerabilities(), opened.openedAt()));
    }

    private void transferCase(CaseOwnershipTransferredV1 moved) {
        cases.findByIdOptional(moved.caseId()).ifPresent(c -> c.ownedBy(moved.toOrganizationId(),
                moved.transferredAt()));
    }

    private void giveConsent(ConsentGivenV1 given) {
        consents.getEntityManager().merge(new KnownConsent(given.consentId(), given.caseId(),
                given.memberIds().stream().map(UUID::toString).toList(), given.purpose().code(),
                given.anyNetworkMember(), given.recipientOrganizationIds(),
                given.scope().stream().map(ConsentScope::code).toList(), given.givenAt(), given.expiresAt()));
    }

    /** The consent stops counting, and the referrals that relied on it alone stop sharing. */
    private void withdrawConsent(ConsentWithdrawnV1 withdrawn) {
        consents.findByIdOptional(withdrawn.consentId()).ifPresent(c -> c.withdraw(withdrawn.withdrawnAt()));
        loop.consentEnded(withdrawn.consentId(), false, withdrawn.withdrawnAt());
    }

    /** Like a withdrawal, from the consent's expiry date. */
    private void expireConsent(ConsentExpiredV1 expired) {
        consents.findByIdOptional(expired.consentId()).ifPresent(c -> c.withdraw(expired.expiredAt()));
        loop.consentEnded(expired.consentId(), true, expired.expiredAt());
    }
}
