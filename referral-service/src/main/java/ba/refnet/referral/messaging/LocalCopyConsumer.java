package ba.refnet.referral.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.registry.ServiceAddedV1;
import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.KnownService;
import ba.refnet.referral.persistence.KnownCaseRepository;
import ba.refnet.referral.persistence.KnownServiceRepository;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local copies of directory services and cases that referrals are checked against, so that sending
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

    private void applyServiceEvent(CloudEvent event) {
        if (EventType.SERVICE_ADDED.type().equals(event.getType())) {
            ServiceAddedV1 added = inbox.data(event, ServiceAddedV1.class);
            services.getEntityManager().merge(new KnownService(added.serviceId(), added.organizationId(),
                    added.name(), added.supportTypes(), added.status(), added.intakeStatus(), added.addedAt()));
        }
    }

    private void applyCaseEvent(CloudEvent event) {
        if (EventType.CASE_OPENED.type().equals(event.getType())) {
            CaseOpenedV1 opened = inbox.data(event, CaseOpenedV1.class);
            cases.getEntityManager().merge(new KnownCase(opened.caseId(), opened.organizationId(),
                    opened.municipalityCode(), opened.members(), opened.vulnerabilities(), opened.openedAt()));
        }
    }
}
