package ba.refnet.reporting.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.chassis.inbox.RecordBatches;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.reporting.service.Aggregates;
import ba.refnet.reporting.service.FigureChanges;
import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds {@code referral_fact} from referral events. Each event carries what its row needs, so the result is
 * the same whatever order the events of one referral arrive in; the inbox makes redelivery harmless.
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

    /**
     * Two polls in flight (the worker pool's max-concurrency): the next one is read and checked against the inbox
     * while this one holds the aggregates' lock. The projection does not depend on the order of events, and the
     * connector commits an offset only once every poll before it is done.
     */
    @Incoming("referrals")
    @Blocking(value = "referral-projection", ordered = false)
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
        ReferralBatch batch = new ReferralBatch(events, inbox);
        batch.acceptedBefore(aggregates.alreadyAccepted(batch.requested()));
        Set<UUID> households = new HashSet<>(batch.households());
        households.addAll(aggregates.householdsOf(batch.reachingHouseholds()));
        aggregates.aroundReferrals(batch.referrals(), households, batch.acceptedOn(), () -> {
            // a missed deadline only marks a row: it runs after the statements that may create that row
            StatementBatch rows = new StatementBatch();
            StatementBatch marks = new StatementBatch();
            events.forEach(event -> apply(event, rows, marks));
            rows.execute(em);
            marks.execute(em);
        });
        changed.fire(batch.change());
    }

    private void apply(CloudEvent event, StatementBatch facts, StatementBatch marks) {
        EventType type = EventType.ofType(event.getType()).orElse(null);
        if (type == null) {
            return;
        }
        if (type.payloadType() == ReferralStatusChangedV1.class) {
            applyStep(inbox.data(event, ReferralStatusChangedV1.class), facts);
        } else if (type == EventType.REFERRAL_REQUESTED) {
            ReferralRequestedV1 e = inbox.data(event, ReferralRequestedV1.class);
            // with the case and its (opaque) people, for the beneficiary figures; what the request says of the
            // referral holds over the copies later events carry, whichever of them came first
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
                    e.supportTypes().toArray(new String[0]), e.municipalityCode(), e.priority(),
                    Timestamp.from(e.requestedAt()), e.caseId(),
                    e.people().stream().map(p -> UUID.fromString(p.memberId())).toArray(UUID[]::new));
        } else if (type == EventType.REFERRAL_OVERDUE || type == EventType.REFERRAL_ESCALATED) {
            ReferralDeadlineMissedV1 e = inbox.data(event, ReferralDeadlineMissedV1.class);
            String column = type == EventType.REFERRAL_OVERDUE ? "overdue_at" : "escalated_at";
            // the first missed deadline counts; later ones of the same referral do not change the figures
            marks.add("UPDATE referral_fact SET " + column + " = COALESCE(" + column + ", ?) WHERE referral_id = ?",
                    Timestamp.from(e.occurredAt()), e.referralId());
        } else if (type == EventType.REFERRAL_ACCEPTED) {
            ReferralAcceptedV1 e = inbox.data(event, ReferralAcceptedV1.class);
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
    }

    /**
     * One statement for every step: the row is created if this is the first event of the referral to arrive, and
     * each column changes only for its own step (hold and resume change none; the first start counts).
     */
    private void applyStep(ReferralStatusChangedV1 e, StatementBatch facts) {
        String status = e.status();
        Timestamp at = Timestamp.from(e.changedAt());
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
                e.supportTypes().toArray(new String[0]), e.priority(), Timestamp.from(e.requestedAt()),
                when(status, "rejected", at), "rejected".equals(status) ? e.reasonCode() : null,
                when(status, "cancelled", at), when(status, "in_progress", at), when(status, "completed", at),
                "completed".equals(status) ? e.needMet() : null, when(status, "failed", at),
                "failed".equals(status) ? e.reasonCode() : null, when(status, "redirected", at));
    }

    /** The step's time in the column of that step, null in the others. */
    private static Timestamp when(String status, String step, Timestamp at) {
        return step.equals(status) ? at : null;
    }
}
