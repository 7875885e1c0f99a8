package ba.refnet.cases.messaging;

import ba.refnet.cases.service.CaseReferrals;
import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.chassis.inbox.RecordBatches;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
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
 * ({@link CaseReferrals}), so the case worker sees where each referral stands and how it ended. One handler per
 * event type; the types the case does not follow are named and skipped.
 */
@ApplicationScoped
public class ReferralOutcomeConsumer {

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
        EventType type = EventType.ofType(event.getType()).orElse(null);
        if (type == null) {
            return; // a type of a newer producer: nothing the case knows to follow
        }
        switch (type) {
            case REFERRAL_REQUESTED -> requested(inbox.data(event, ReferralRequestedV1.class));
            case REFERRAL_ACCEPTED -> accepted(inbox.data(event, ReferralAcceptedV1.class));
            case REFERRAL_REJECTED, REFERRAL_CANCELLED, REFERRAL_STARTED, REFERRAL_HELD, REFERRAL_RESUMED,
                    REFERRAL_COMPLETED, REFERRAL_FAILED, REFERRAL_REDIRECTED ->
                    moved(inbox.data(event, ReferralStatusChangedV1.class));
            // the referral's status stays, and deadlines are the receiver's and the coordinator's business
            case REFERRAL_CONSENT_WITHDRAWN, REFERRAL_OVERDUE, REFERRAL_ESCALATED -> {
            }
            default -> {
                // not a referral event: this channel reads the referral topic only
            }
        }
    }

    private void requested(ReferralRequestedV1 e) {
        referrals.follow(new CaseReferrals.Progress(e.referralId(), e.caseId(), e.receivingOrganizationId(),
                e.serviceId(), e.supportTypes(), e.requestedAt(), ReferralStatus.REQUESTED, null, null,
                e.requestedAt()));
        referrals.remember(new CaseReferrals.Sharing(e.referralId(),
                e.people().stream().map(p -> UUID.fromString(p.memberId())).toList(), orEmpty(e.sharedScope()),
                orEmpty(e.consentIds())));
    }

    private void accepted(ReferralAcceptedV1 e) {
        referrals.follow(new CaseReferrals.Progress(e.referralId(), e.caseId(), e.receivingOrganizationId(),
                e.serviceId(), e.supportTypes(), e.requestedAt(), ReferralStatus.ACCEPTED, null, null, e.acceptedAt()));
    }

    private void moved(ReferralStatusChangedV1 e) {
        referrals.follow(new CaseReferrals.Progress(e.referralId(), e.caseId(), e.receivingOrganizationId(),
                e.serviceId(), e.supportTypes(), e.requestedAt(), e.status(), e.reasonCode(), e.needMet(),
                e.changedAt()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
