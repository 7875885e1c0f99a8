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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

    /** Events already processed are skipped; the aggregates move with the facts of the rest. Also how a replay feeds it. */
    public void project(List<String> messages) {
        List<CloudEvent> events = messages.stream().map(m -> inbox.receive(CONSUMER, m)).flatMap(Optional::stream)
                .toList();
        Set<UUID> referrals = new HashSet<>();
        Set<UUID> households = new HashSet<>();
        for (CloudEvent event : events) {
            JsonNode data = inbox.data(event, JsonNode.class);
            referrals.add(UUID.fromString(data.path("referralId").asText()));
            if (data.hasNonNull("caseId")) {
                households.add(UUID.fromString(data.get("caseId").asText()));
            }
        }
        aggregates.around(referrals, households, () -> events.forEach(this::apply));
        events.forEach(event -> changed.fire(change(event)));
    }

    /** Which figures the event moves: the funnel always, the beneficiaries from acceptance on. */
    private FigureChanges.Change change(CloudEvent event) {
        Set<FigureChanges.Report> reports = EventType.REFERRAL_REQUESTED.type().equals(event.getType())
                ? Set.of(FigureChanges.Report.REFERRALS)
                : Set.of(FigureChanges.Report.REFERRALS, FigureChanges.Report.BENEFICIARIES);
        JsonNode data = inbox.data(event, JsonNode.class);
        Set<UUID> organizations = new HashSet<>();
        for (String field : List.of("sendingOrganizationId", "receivingOrganizationId")) {
            if (data.hasNonNull(field)) {
                organizations.add(UUID.fromString(data.get(field).asText()));
            }
        }
        Set<String> types = new HashSet<>();
        data.path("supportTypes").forEach(t -> types.add(t.asText()));
        return new FigureChanges.Change(reports, organizations, types, Instant.now());
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
            em.createNativeQuery("""
                    INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id,
                        service_id, support_types, municipality_code, priority, requested_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                    ON CONFLICT (referral_id) DO UPDATE
                    SET municipality_code = EXCLUDED.municipality_code, priority = EXCLUDED.priority""")
                    .setParameter(1, e.referralId()).setParameter(2, e.sendingOrganizationId())
                    .setParameter(3, e.receivingOrganizationId()).setParameter(4, e.serviceId())
                    .setParameter(5, e.supportTypes().toArray(new String[0])).setParameter(6, e.municipalityCode())
                    .setParameter(7, e.priority()).setParameter(8, Timestamp.from(e.requestedAt()))
                    .executeUpdate();
            // the case and its (opaque) people, for the beneficiary figures
            em.createNativeQuery("UPDATE referral_fact SET case_id = ?2, member_ids = ?3 WHERE referral_id = ?1")
                    .setParameter(1, e.referralId()).setParameter(2, e.caseId())
                    .setParameter(3, e.people().stream().map(p -> UUID.fromString(p.memberId())).toArray(UUID[]::new))
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

    private void applyStep(ReferralStatusChangedV1 e) {
        em.createNativeQuery("""
                INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id,
                    service_id, support_types, priority, requested_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (referral_id) DO NOTHING""")
                .setParameter(1, e.referralId()).setParameter(2, e.sendingOrganizationId())
                .setParameter(3, e.receivingOrganizationId()).setParameter(4, e.serviceId())
                .setParameter(5, e.supportTypes().toArray(new String[0])).setParameter(6, e.priority())
                .setParameter(7, Timestamp.from(e.requestedAt()))
                .executeUpdate();
        // one statement for every step: each column changes only for its own step (hold and resume change none)
        em.createNativeQuery("""
                UPDATE referral_fact SET
                  rejected_at      = CASE WHEN ?2 = 'rejected' THEN ?3 ELSE rejected_at END,
                  rejection_reason = CASE WHEN ?2 = 'rejected' THEN CAST(?4 AS varchar) ELSE rejection_reason END,
                  cancelled_at     = CASE WHEN ?2 = 'cancelled' THEN ?3 ELSE cancelled_at END,
                  started_at       = CASE WHEN ?2 = 'in_progress' THEN COALESCE(started_at, ?3) ELSE started_at END,
                  completed_at     = CASE WHEN ?2 = 'completed' THEN ?3 ELSE completed_at END,
                  need_met         = CASE WHEN ?2 = 'completed' THEN CAST(?5 AS varchar) ELSE need_met END,
                  failed_at        = CASE WHEN ?2 = 'failed' THEN ?3 ELSE failed_at END,
                  failure_reason   = CASE WHEN ?2 = 'failed' THEN CAST(?4 AS varchar) ELSE failure_reason END,
                  redirected_at    = CASE WHEN ?2 = 'redirected' THEN ?3 ELSE redirected_at END
                WHERE referral_id = ?1""")
                .setParameter(1, e.referralId())
                .setParameter(2, e.status())
                .setParameter(3, Timestamp.from(e.changedAt()))
                .setParameter(4, e.reasonCode())
                .setParameter(5, e.needMet())
                .executeUpdate();
    }
}
