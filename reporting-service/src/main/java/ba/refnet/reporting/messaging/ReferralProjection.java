package ba.refnet.reporting.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.chassis.inbox.RecordBatches;
import ba.refnet.chassis.time.NetworkTime;
import ba.refnet.contracts.EventCodes;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.FailureReason;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralEventHandler;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatus;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.contracts.referral.RejectionReason;
import ba.refnet.reporting.service.Aggregates;
import ba.refnet.reporting.service.FigureChanges;
import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds {@code referral_fact} from referral events, one handler per kind of event. Each event carries what its row
 * needs, so the result is the same whatever order the events of one referral arrive in; the inbox makes redelivery
 * harmless.
 */
@ApplicationScoped
public class ReferralProjection {

    static final String CONSUMER = "reporting-referral-projection";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    Event<FigureChanges.Change> changed;

    @Inject
    Aggregates aggregates;

    @Inject
    RecordBatches batches;

    @Inject
    NetworkTime time;

    @Inject
    Clock clock;

    /**
     * One poll at a time, in the order polled. A missed deadline only marks the fact row its referral's request
     * made (the event carries no request time nor support types to make the row itself): with two polls in flight,
     * a later poll's mark could commit before the earlier poll's request and find no row, and the overdue figure
     * stayed one short (seen in FiguresReportTest and RebuildTest on a busy machine).
     */
    @Incoming("referrals")
    @Blocking
    public void onReferralEvents(ConsumerRecords<String, String> records) {
        batches.project(records, this::project);
    }

    /**
     * Events already processed are skipped; the aggregates move with the facts of the rest. Also how a replay
     * feeds the projection.
     */
    public void project(List<String> messages) {
        List<CloudEvent> events = inbox.receiveAll(CONSUMER, messages);
        if (events.isEmpty()) {
            return;
        }
        Poll poll = new Poll(new ReferralBatch(time.zone()));
        events.forEach(poll::apply);
        ReferralBatch batch = poll.batch;
        batch.acceptedBefore(aggregates.alreadyAccepted(batch.requested()));
        Set<UUID> households = new HashSet<>(batch.households());
        households.addAll(aggregates.householdsOf(batch.reachingHouseholds()));
        aggregates.aroundReferrals(batch.referrals(), households, batch.acceptedOn(), () -> {
            // a missed deadline only marks a row: it runs after the statements that may create that row
            poll.facts.execute(em);
            poll.marks.execute(em);
        });
        changed.fire(batch.change(clock.instant()));
    }

    /** One poll's events, each read once and handled by the handler of its type. */
    private final class Poll implements ReferralEventHandler {

        final ReferralBatch batch;
        final StatementBatch facts = new StatementBatch();
        final StatementBatch marks = new StatementBatch();

        Poll(ReferralBatch batch) {
            this.batch = batch;
        }

        void apply(CloudEvent event) {
            // a type of a newer producer: nothing the reports know to count
            EventType.ofType(event.getType()).ifPresent(type -> ReferralEventHandler.dispatch(type,
                    inbox.data(event, type.payloadType()), this));
        }

        /**
         * With the case and its (opaque) people, for the beneficiary figures; what the request says of the referral
         * holds over the copies later events carry, whichever of them came first.
         */
        @Override
        public void requested(ReferralRequestedV1 e) {
            batch.requested(e);
            facts.add("""
                    INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id,
                        service_id, support_types, municipality_code, priority, requested_at, case_id, member_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (referral_id) DO UPDATE
                    SET sending_organization_id = EXCLUDED.sending_organization_id,
                        receiving_organization_id = EXCLUDED.receiving_organization_id,
                        service_id = EXCLUDED.service_id, support_types = EXCLUDED.support_types,
                        requested_at = EXCLUDED.requested_at, municipality_code = EXCLUDED.municipality_code,
                        priority = EXCLUDED.priority, case_id = EXCLUDED.case_id, member_ids = EXCLUDED.member_ids""",
                    e.referralId(), e.sendingOrganizationId(), e.receivingOrganizationId(), e.serviceId(),
                    e.supportTypes().toArray(new String[0]), e.municipalityCode(), code(e.priority()),
                    Timestamp.from(e.requestedAt()), e.caseId(),
                    e.people().stream().map(p -> UUID.fromString(p.memberId())).toArray(UUID[]::new));
        }

        @Override
        public void accepted(ReferralAcceptedV1 e) {
            batch.accepted(e);
            facts.add("""
                    INSERT INTO referral_fact AS f (referral_id, sending_organization_id, receiving_organization_id,
                        service_id, support_types, requested_at, accepted_at, case_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (referral_id) DO UPDATE
                    SET accepted_at = EXCLUDED.accepted_at, case_id = COALESCE(f.case_id, EXCLUDED.case_id)""",
                    e.referralId(), e.sendingOrganizationId(), e.receivingOrganizationId(), e.serviceId(),
                    e.supportTypes().toArray(new String[0]), Timestamp.from(e.requestedAt()),
                    Timestamp.from(e.acceptedAt()), e.caseId());
        }

        /**
         * One statement for every step: the row is created if this is the first event of the referral to arrive,
         * and each column changes only for its own step (hold and resume change none; the first start counts).
         */
        @Override
        public void stepped(EventType type, ReferralStatusChangedV1 e) {
            batch.stepped(e);
            Timestamp at = Timestamp.from(e.changedAt());
            ReferralStatus status = e.status();
            facts.add("""
                    INSERT INTO referral_fact AS f (referral_id, sending_organization_id, receiving_organization_id,
                        service_id, support_types, priority, requested_at, rejected_at, rejection_reason, cancelled_at,
                        started_at, completed_at, need_met, failed_at, failure_reason, redirected_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (referral_id) DO UPDATE SET
                      rejected_at      = COALESCE(EXCLUDED.rejected_at, f.rejected_at),
                      rejection_reason = CASE WHEN EXCLUDED.rejected_at IS NULL THEN f.rejection_reason
                                              ELSE EXCLUDED.rejection_reason END,
                      cancelled_at     = COALESCE(EXCLUDED.cancelled_at, f.cancelled_at),
                      started_at       = COALESCE(f.started_at, EXCLUDED.started_at),
                      completed_at     = COALESCE(EXCLUDED.completed_at, f.completed_at),
                      need_met         = CASE WHEN EXCLUDED.completed_at IS NULL THEN f.need_met ELSE EXCLUDED.need_met END,
                      failed_at        = COALESCE(EXCLUDED.failed_at, f.failed_at),
                      failure_reason   = CASE WHEN EXCLUDED.failed_at IS NULL THEN f.failure_reason
                                              ELSE EXCLUDED.failure_reason END,
                      redirected_at    = COALESCE(EXCLUDED.redirected_at, f.redirected_at)""",
                    e.referralId(), e.sendingOrganizationId(), e.receivingOrganizationId(), e.serviceId(),
                    e.supportTypes().toArray(new String[0]), code(e.priority()), Timestamp.from(e.requestedAt()),
                    when(status, ReferralStatus.REJECTED, at), e.rejectionReason().map(RejectionReason::code).orElse(null),
                    when(status, ReferralStatus.CANCELLED, at), when(status, ReferralStatus.IN_PROGRESS, at),
                    when(status, ReferralStatus.COMPLETED, at),
                    status == ReferralStatus.COMPLETED ? code(e.needMet()) : null,
                    when(status, ReferralStatus.FAILED, at), e.failureReason().map(FailureReason::code).orElse(null),
                    when(status, ReferralStatus.REDIRECTED, at));
        }

        /** The first missed deadline counts; later ones of the same referral do not change the figures. */
        @Override
        public void missed(EventType type, ReferralDeadlineMissedV1 e) {
            batch.missed(e);
            String column = type == EventType.REFERRAL_OVERDUE ? "overdue_at" : "escalated_at";
            marks.add("UPDATE referral_fact SET " + column + " = COALESCE(" + column + ", ?) WHERE referral_id = ?",
                    Timestamp.from(e.occurredAt()), e.referralId());
        }
    }

    /** The step's time in the column of that step, null in the others. */
    private static Timestamp when(ReferralStatus status, ReferralStatus step, Timestamp at) {
        return status == step ? at : null;
    }

    /** The code as the facts store it (absent stays absent). */
    private static String code(Enum<?> value) {
        return value == null ? null : EventCodes.of(value);
    }
}
