package ba.refnet.cases.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.chassis.inbox.RecordBatches;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Closes the loop on the case: follows the referral events of this service's own cases into {@code case_referral},
 * so the case worker sees where each referral stands and how it ended. Events of cases this service does not hold
 * are ignored.
 */
@ApplicationScoped
public class ReferralOutcomeConsumer {

    static final String CONSUMER = "case-referral-outcomes";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

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
        if (type == EventType.REFERRAL_REQUESTED) {
            ReferralRequestedV1 e = inbox.data(event, ReferralRequestedV1.class);
            upsert(e.referralId(), e.caseId(), e.receivingOrganizationId(), e.serviceId(), e.supportTypes(),
                    e.requestedAt(), "requested", null, null, e.requestedAt());
            rememberSharing(e);
        } else if (type == EventType.REFERRAL_ACCEPTED) {
            ReferralAcceptedV1 e = inbox.data(event, ReferralAcceptedV1.class);
            upsert(e.referralId(), e.caseId(), e.receivingOrganizationId(), e.serviceId(), e.supportTypes(),
                    e.requestedAt(), "accepted", null, null, e.acceptedAt());
        } else if (type != null && type.payloadType() == ReferralStatusChangedV1.class
                && type != EventType.REFERRAL_CONSENT_WITHDRAWN) {
            ReferralStatusChangedV1 e = inbox.data(event, ReferralStatusChangedV1.class);
            upsert(e.referralId(), e.caseId(), e.receivingOrganizationId(), e.serviceId(), e.supportTypes(),
                    e.requestedAt(), e.status(), e.reasonCode(), e.needMet(), e.changedAt());
        }
    }

    /** What the receiver may see through this referral: the people sent, the scope and the consents behind it. */
    private void rememberSharing(ReferralRequestedV1 e) {
        em.createNativeQuery("""
                UPDATE case_referral SET member_ids = ?2, shared_scope = ?3, consent_ids = ?4 WHERE referral_id = ?1""")
                .setParameter(1, e.referralId())
                .setParameter(2, e.people().stream().map(p -> UUID.fromString(p.memberId())).toArray(UUID[]::new))
                .setParameter(3, orEmpty(e.sharedScope()).toArray(new String[0]))
                .setParameter(4, orEmpty(e.consentIds()).toArray(new UUID[0]))
                .executeUpdate();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The newest step wins, whatever order the events arrive in. */
    private void upsert(UUID referralId, UUID caseId, UUID receiver, UUID serviceId, List<String> supportTypes,
            Instant requestedAt, String status, String reasonCode, String needMet, Instant at) {
        em.createNativeQuery("""
                INSERT INTO case_referral (referral_id, case_id, receiving_organization_id, service_id, support_types,
                    status, reason_code, need_met, requested_at, updated_at)
                SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE EXISTS (SELECT 1 FROM family_case WHERE id = ?2)
                ON CONFLICT (referral_id) DO UPDATE
                SET status = EXCLUDED.status, reason_code = EXCLUDED.reason_code, need_met = EXCLUDED.need_met,
                    updated_at = EXCLUDED.updated_at
                WHERE case_referral.updated_at <= EXCLUDED.updated_at""")
                .setParameter(1, referralId).setParameter(2, caseId).setParameter(3, receiver)
                .setParameter(4, serviceId).setParameter(5, supportTypes.toArray(new String[0]))
                .setParameter(6, status).setParameter(7, reasonCode).setParameter(8, needMet)
                .setParameter(9, Timestamp.from(requestedAt)).setParameter(10, Timestamp.from(at))
                .executeUpdate();
    }
}
