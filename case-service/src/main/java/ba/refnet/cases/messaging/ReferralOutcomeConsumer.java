package ba.refnet.cases.messaging;

import ba.refnet.cases.service.CaseReferrals;
import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.chassis.inbox.RecordBatches;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralEventHandler;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatus;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Closes the loop on the case: turns the referral events of this service's own cases into steps the case follows
 * ({@link CaseReferrals}), so the case worker sees where each referral stands and how it ended. One handler per kind
 * of referral event; what the case does not follow is said where it is skipped.
 */
@ApplicationScoped
public class ReferralOutcomeConsumer implements ReferralEventHandler {

    static final String CONSUMER = "case-referral-outcomes";

    @Inject
    Inbox inbox;

    @Inject
    CaseReferrals referrals;

    @Inject
    RecordBatches batches;

    /** A poll's events in one transaction: one inbox statement and one commit for the lot. */
    @Incoming("referrals")
    @Blocking
    public void onReferralEvents(ConsumerRecords<String, String> records) {
        batches.project(records, messages -> inbox.receiveAll(CONSUMER, messages).forEach(this::apply));
    }

    private void apply(CloudEvent event) {
        // a type of a newer producer: nothing the case knows to follow
        EventType.ofType(event.getType()).ifPresent(type -> ReferralEventHandler.dispatch(type,
                inbox.data(event, type.payloadType()), this));
    }

    @Override
    public void requested(ReferralRequestedV1 e) {
        referrals.follow(new CaseReferrals.Progress(e.referralId(), e.caseId(), e.receivingOrganizationId(),
                e.serviceId(), e.supportTypes(), e.requestedAt(), ReferralStatus.REQUESTED, null, null,
                e.requestedAt()));
        referrals.remember(new CaseReferrals.Sharing(e.referralId(),
                e.people().stream().map(p -> UUID.fromString(p.memberId())).toList(), orEmpty(e.sharedScope()),
                orEmpty(e.consentIds())));
    }

    @Override
    public void accepted(ReferralAcceptedV1 e) {
        referrals.follow(new CaseReferrals.Progress(e.referralId(), e.caseId(), e.receivingOrganizationId(),
                e.serviceId(), e.supportTypes(), e.requestedAt(), ReferralStatus.ACCEPTED, null, null, e.acceptedAt()));
    }

    /** A withdrawn consent leaves the referral's status as it was: the case has nothing to follow then. */
    @Override
    public void stepped(EventType type, ReferralStatusChangedV1 e) {
        if (type == EventType.REFERRAL_CONSENT_WITHDRAWN) {
            return;
        }
        referrals.follow(new CaseReferrals.Progress(e.referralId(), e.caseId(), e.receivingOrganizationId(),
                e.serviceId(), e.supportTypes(), e.requestedAt(), e.status(), e.reasonCode(), e.needMet(),
                e.changedAt()));
    }

    /** Deadlines are the receiver's and the coordinator's business, not the case's. */
    @Override
    public void missed(EventType type, ReferralDeadlineMissedV1 e) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
