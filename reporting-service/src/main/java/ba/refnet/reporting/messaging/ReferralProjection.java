package ba.refnet.reporting.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.reporting.service.Aggregates;
import ba.refnet.reporting.service.FigureChanges;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
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
        Set<UUID> referrals = new HashSet<>();
        // only a request (case, types, organisations) or an acceptance moves a household's figures
        Set<UUID> reachingHouseholds = new HashSet<>();
        Set<UUID> households = new HashSet<>();
        // what the feed recomputes: the funnel always, the beneficiaries from acceptance on
        Set<FigureChanges.Report> reports = EnumSet.of(FigureChanges.Report.REFERRALS);
        Set<UUID> organizations = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (CloudEvent event : events) {
            JsonNode data = inbox.data(event, JsonNode.class);
            UUID referral = UUID.fromString(data.path("referralId").asText());
            referrals.add(referral);
            boolean requested = EventType.REFERRAL_REQUESTED.type().equals(event.getType());
            if (requested || EventType.REFERRAL_ACCEPTED.type().equals(event.getType())) {
                reachingHouseholds.add(referral);
                if (data.hasNonNull("caseId")) {
                    households.add(UUID.fromString(data.get("caseId").asText()));
                }
            }
            if (!requested) {
                reports.add(FigureChanges.Report.BENEFICIARIES);
            }
            for (String field : List.of("sendingOrganizationId", "receivingOrganizationId")) {
                if (data.hasNonNull(field)) {
                    organizations.add(UUID.fromString(data.get(field).asText()));
                }
            }
            data.path("supportTypes").forEach(t -> types.add(t.asText()));
        }
        households.addAll(aggregates.householdsOf(reachingHouseholds));
        aggregates.around(referrals, households, () -> events.forEach(this::apply));
        changed.fire(new FigureChanges.Change(reports, organizations, types, Instant.now()));
    }

    private void apply(CloudEvent event) {
        EventType type = EventType.ofType(event.getType()).orElse(null);
        if (type == null) {
            return;
        }
        if (type.payloadType() == ReferralStatusChangedV1.class) {
            applyStep(inbox.data(event, ReferralStatusChangedV1.class));
        } else if (type == EventType.REFERRAL_REQUESTED) {
            ReferralRequestedV1 e = inbox.data(event, ReferralRequestedV1.class);
            // with the case and its (opaque) people, for the beneficiary figures
            em.createNativeQuery("""
                    INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id,
                        service_id, support_types, municipality_code, priority, requested_at, case_id, member_ids)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                    ON CONFLICT (referral_id) DO UPDATE
                    SET municipality_code = EXCLUDED.municipality_code, priority = EXCLUDED.priority,
                        case_id = EXCLUDED.case_id, member_ids = EXCLUDED.member_ids""")
                    .setParameter(1, e.referralId()).setParameter(2, e.sendingOrganizationId())
                    .setParameter(3, e.receivingOrganizationId()).setParameter(4, e.serviceId())
                    .setParameter(5, e.supportTypes().toArray(new String[0])).setParameter(6, e.municipalityCode())
                    .setParameter(7, e.priority()).setParameter(8, Timestamp.from(e.requestedAt()))
                    .setParameter(9, e.caseId())
                    .setParameter(10, e.people().stream().map(p -> UUID.fromString(p.memberId())).toArray(UUID[]::new))
                    .executeUpdate();
        } else if (type == EventType.REFERRAL_OVERDUE || type == EventType.REFERRAL_ESCALATED) {
            ReferralDeadlineMissedV1 e = inbox.data(event, ReferralDeadlineMissedV1.class);
            String column = type == EventType.REFERRAL_OVERDUE ? "overdue_at" : "escalated_at";
            // the first missed deadline counts; later ones of the same referral do not change the figures
            em.createNativeQuery("UPDATE referral_fact SET " + column + " = COALESCE(" + column + ", ?2) "
                    + "WHERE referral_id = ?1")
                    .setParameter(1, e.referralId()).setParameter(2, Timestamp.from(e.occurredAt())).executeUpdate();
        } else if (type == EventType.REFERRAL_ACCEPTED) {
            ReferralAcceptedV1 e = inbox.data(event, ReferralAcceptedV1.class);
            em.createNativeQuery("""
                    INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id,
                        service_id, support_types, requested_at, accepted_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    ON CONFLICT (referral_id) DO UPDATE SET accepted_at = EXCLUDED.accepted_at""")
                    .setParameter(1, e.referralId()).setParameter(2, e.sendingOrganizationId())
                    .setParameter(3, e.receivingOrganizationId()).setParameter(4, e.serviceId())
                    .setParameter(5, e.supportTypes().toArray(new String[0]))
                    .setParameter(6, Timestamp.from(e.requestedAt())).setParameter(7, Timestamp.from(e.acceptedAt()))
                    .executeUpdate();
        }
    }

    /**
     * One statement for every step: the row is created if this is the first event of the referral to arrive, and
     * each column changes only for its own step (hold and resume change none; the first start counts).
     */
    private void applyStep(ReferralStatusChangedV1 e) {
        String status = e.status();
        Timestamp at = Timestamp.from(e.changedAt());
        em.createNativeQuery("""
                INSERT INTO referral_fact AS f (referral_id, sending_organization_id, receiving_organization_id,
                    service_id, support_types, priority, requested_at, rejected_at, rejection_reason, cancelled_at,
                    started_at, completed_at, need_met, failed_at, failure_reason, redirected_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
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
                  redirected_at    = COALESCE(EXCLUDED.redirected_at, f.redirected_at)""")
                .setParameter(1, e.referralId()).setParameter(2, e.sendingOrganizationId())
                .setParameter(3, e.receivingOrganizationId()).setParameter(4, e.serviceId())
                .setParameter(5, e.supportTypes().toArray(new String[0])).setParameter(6, e.priority())
                .setParameter(7, Timestamp.from(e.requestedAt()))
                .setParameter(8, when(status, "rejected", at))
                .setParameter(9, "rejected".equals(status) ? e.reasonCode() : null)
                .setParameter(10, when(status, "cancelled", at))
                .setParameter(11, when(status, "in_progress", at))
                .setParameter(12, when(status, "completed", at))
                .setParameter(13, "completed".equals(status) ? e.needMet() : null)
                .setParameter(14, when(status, "failed", at))
                .setParameter(15, "failed".equals(status) ? e.reasonCode() : null)
                .setParameter(16, when(status, "redirected", at))
                .executeUpdate();
    }

    /** The step's time in the column of that step, null in the others. */
    private static Timestamp when(String status, String step, Timestamp at) {
        return step.equals(status) ? at : null;
    }
}
