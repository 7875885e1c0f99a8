package ba.refnet.referral.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.cases.CaseOwnershipTransferredV1;
import ba.refnet.contracts.cases.ConsentExpiredV1;
import ba.refnet.contracts.cases.ConsentGivenV1;
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
        inbox.receive(CONSUMER, message).ifPresent(this::applyServiceEvent);
    }

    @Incoming("cases")
    @Blocking
    @Transactional
    public void onCaseEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::applyCaseEvent);
    }

    /** Services keep their newest state; a withdrawn service stays known (old referrals name it) but takes none. */
    private void applyServiceEvent(CloudEvent event) {
        EventType type = EventType.ofType(event.getType()).orElse(null);
        if (type == EventType.SERVICE_ADDED) {
            ServiceAddedV1 added = inbox.data(event, ServiceAddedV1.class);
            services.getEntityManager().merge(new KnownService(added.serviceId(), added.organizationId(),
                    added.name(), added.supportTypes(), added.status(), added.intakeStatus(), added.addedAt()));
        } else if (type != null && type.payloadType() == ServiceChangedV1.class) {
            ServiceChangedV1 changed = inbox.data(event, ServiceChangedV1.class);
            services.getEntityManager().merge(new KnownService(changed.serviceId(), changed.organizationId(),
                    changed.name(), changed.supportTypes(), changed.status(), changed.intakeStatus(),
                    changed.changedAt()));
        }
    }

    @Incoming("registry-organizations")
    @Blocking
    @Transactional
    public void onOrganizationEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(event -> {
            if (EventType.ORGANIZATION_REGISTERED.type().equals(event.getType())) {
                OrganizationRegisteredV1 registered = inbox.data(event, OrganizationRegisteredV1.class);
                organizations.getEntityManager().merge(new KnownOrganization(registered.organizationId(),
                        registered.legalForm(), registered.registeredAt()));
            } else if (EventType.ORGANIZATION_UPDATED.type().equals(event.getType())) {
                OrganizationChangedV1 changed = inbox.data(event, OrganizationChangedV1.class);
                organizations.getEntityManager().merge(new KnownOrganization(changed.organizationId(),
                        changed.legalForm(), changed.changedAt()));
            }
        });
    }

    private void applyCaseEvent(CloudEvent event) {
        EventType type = EventType.ofType(event.getType()).orElse(null);
        if (type == EventType.CASE_OPENED) {
            CaseOpenedV1 opened = inbox.data(event, CaseOpenedV1.class);
            cases.getEntityManager().merge(new KnownCase(opened.caseId(), opened.organizationId(),
                    opened.municipalityCode(), opened.members(), opened.vulnerabilities(), opened.openedAt()));
        } else if (type == EventType.CASE_OWNERSHIP_TRANSFERRED) {
            CaseOwnershipTransferredV1 moved = inbox.data(event, CaseOwnershipTransferredV1.class);
            cases.findByIdOptional(moved.caseId()).ifPresent(c -> c.ownedBy(moved.toOrganizationId(),
                    moved.transferredAt()));
        } else if (type == EventType.CONSENT_GIVEN) {
            ConsentGivenV1 given = inbox.data(event, ConsentGivenV1.class);
            consents.getEntityManager().merge(new KnownConsent(given.consentId(), given.caseId(),
                    given.memberIds().stream().map(UUID::toString).toList(), given.purpose(), given.anyNetworkMember(),
                    given.recipientOrganizationIds(), given.scope(), given.givenAt(), given.expiresAt()));
        } else if (type == EventType.CONSENT_WITHDRAWN) {
            ConsentWithdrawnV1 withdrawn = inbox.data(event, ConsentWithdrawnV1.class);
            consents.findByIdOptional(withdrawn.consentId()).ifPresent(c -> c.withdraw(withdrawn.withdrawnAt()));
            loop.consentEnded(withdrawn.consentId(), false, withdrawn.withdrawnAt());
        } else if (type == EventType.CONSENT_EXPIRED) {
            ConsentExpiredV1 expired = inbox.data(event, ConsentExpiredV1.class);
            consents.findByIdOptional(expired.consentId()).ifPresent(c -> c.withdraw(expired.expiredAt()));
            loop.consentEnded(expired.consentId(), true, expired.expiredAt());
        }
    }
}
