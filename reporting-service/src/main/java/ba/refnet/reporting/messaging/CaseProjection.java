package ba.refnet.reporting.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.chassis.inbox.RecordBatches;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.cases.CaseMemberChangedV1;
import ba.refnet.contracts.cases.CaseNeedsChangedV1;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.cases.CaseOwnershipTransferredV1;
import ba.refnet.contracts.cases.CaseStatusChangedV1;
import ba.refnet.contracts.cases.DropOutReason;
import ba.refnet.contracts.cases.FamilyConferenceV1;
import ba.refnet.contracts.common.Person;
import ba.refnet.reporting.service.Aggregates;
import ba.refnet.reporting.service.FigureChanges;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds {@code case_fact}, {@code case_person} and {@code conference_fact} from the case service's events: the
 * households, their pseudonymous people and the conferences held. Consent events are not needed here.
 */
@ApplicationScoped
public class CaseProjection {

    static final String CONSUMER = "reporting-case-projection";

    @Inject
    Clock clock;

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

    @Incoming("cases")
    @Blocking
    public void onCaseEvents(ConsumerRecords<String, String> records) {
        batches.project(records, this::project);
    }

    /** A household's place, categories and people move its figures: they are subtracted and added back around. */
    public void project(List<String> messages) {
        List<CloudEvent> events = inbox.receiveAll(CONSUMER, messages);
        Set<UUID> households = new HashSet<>();
        for (CloudEvent event : events) {
            JsonNode data = inbox.data(event, JsonNode.class);
            if (event.getType().startsWith("ba.refnet.case.") && data.hasNonNull("caseId")) {
                households.add(UUID.fromString(data.get("caseId").asText()));
            }
        }
        aggregates.around(Set.of(), households, () -> events.forEach(this::apply));
        Set<FigureChanges.Report> reports = EnumSet.noneOf(FigureChanges.Report.class);
        events.forEach(event -> reports.add(event.getType().startsWith("ba.refnet.conference.")
                ? FigureChanges.Report.CONFERENCES : FigureChanges.Report.BENEFICIARIES));
        if (!reports.isEmpty()) {
            changed.fire(new FigureChanges.Change(reports, Set.of(), Set.of(), clock.instant()));
        }
    }

    /** One command on the projection per event type; the types this projection does not need are skipped. */
    private void apply(CloudEvent event) {
        EventType type = EventType.ofType(event.getType()).orElse(null);
        if (type == null) {
            return;
        }
        switch (type) {
            case CASE_OPENED -> openCase(inbox.data(event, CaseOpenedV1.class));
            case CASE_MEMBER_ADDED, CASE_MEMBER_CHANGED -> placeMember(inbox.data(event, CaseMemberChangedV1.class));
            case CASE_NEEDS_CHANGED -> changeNeeds(inbox.data(event, CaseNeedsChangedV1.class));
            case CASE_OWNERSHIP_TRANSFERRED -> transferCase(inbox.data(event, CaseOwnershipTransferredV1.class));
            case CASE_CLOSED -> closeCase(inbox.data(event, CaseStatusChangedV1.class));
            case CASE_REOPENED -> reopenCase(inbox.data(event, CaseStatusChangedV1.class));
            case CONFERENCE_HELD, CONFERENCE_DROPPED_OUT -> recordConference(inbox.data(event,
                    FamilyConferenceV1.class));
            default -> {
                // other steps of the process and consents do not move these figures
            }
        }
    }

    private void openCase(CaseOpenedV1 e) {
        em.createNativeQuery("""
                INSERT INTO case_fact (case_id, organization_id, municipality_code, vulnerabilities, needs, opened_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (case_id) DO NOTHING""")
                .setParameter(1, e.caseId()).setParameter(2, e.organizationId())
                .setParameter(3, e.municipalityCode()).setParameter(4, array(e.vulnerabilities()))
                .setParameter(5, array(e.needs())).setParameter(6, Timestamp.from(e.openedAt())).executeUpdate();
        e.members().forEach(p -> person(e.caseId(), p));
    }

    private void placeMember(CaseMemberChangedV1 e) {
        person(e.caseId(), e.member());
    }

    private void changeNeeds(CaseNeedsChangedV1 e) {
        em.createNativeQuery("UPDATE case_fact SET needs = ?2, vulnerabilities = ?3 WHERE case_id = ?1")
                .setParameter(1, e.caseId()).setParameter(2, array(e.needs()))
                .setParameter(3, array(e.vulnerabilities())).executeUpdate();
    }

    private void transferCase(CaseOwnershipTransferredV1 e) {
        em.createNativeQuery("UPDATE case_fact SET organization_id = ?2 WHERE case_id = ?1")
                .setParameter(1, e.caseId()).setParameter(2, e.toOrganizationId()).executeUpdate();
    }

    private void closeCase(CaseStatusChangedV1 e) {
        closedAt(e.caseId(), Timestamp.from(e.changedAt()));
    }

    private void reopenCase(CaseStatusChangedV1 e) {
        closedAt(e.caseId(), null);
    }

    private void closedAt(UUID caseId, Timestamp closedAt) {
        em.createNativeQuery("UPDATE case_fact SET closed_at = ?2 WHERE case_id = ?1")
                .setParameter(1, caseId).setParameter(2, closedAt).executeUpdate();
    }

    private void person(UUID caseId, Person p) {
        em.createNativeQuery("""
                INSERT INTO case_person (member_id, case_id, role, age_band, sex) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (member_id) DO UPDATE SET role = EXCLUDED.role, age_band = EXCLUDED.age_band,
                    sex = EXCLUDED.sex""")
                .setParameter(1, UUID.fromString(p.memberId())).setParameter(2, caseId).setParameter(3, p.role())
                .setParameter(4, p.ageBand()).setParameter(5, p.sex()).executeUpdate();
    }

    /** A drop-out after the conference was held updates the same row. */
    private void recordConference(FamilyConferenceV1 e) {
        em.createNativeQuery("""
                INSERT INTO conference_fact (conference_id, case_id, organization_id, held_on, children, parents,
                    extended_family, professionals, outcome, dropped_out, drop_out_reason)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (conference_id) DO UPDATE SET outcome = EXCLUDED.outcome,
                    dropped_out = conference_fact.dropped_out OR EXCLUDED.dropped_out,
                    drop_out_reason = COALESCE(EXCLUDED.drop_out_reason, conference_fact.drop_out_reason)""")
                .setParameter(1, e.conferenceId()).setParameter(2, e.caseId()).setParameter(3, e.organizationId())
                .setParameter(4, Date.valueOf(e.heldOn())).setParameter(5, e.children()).setParameter(6, e.parents())
                .setParameter(7, e.extendedFamily()).setParameter(8, e.professionals())
                .setParameter(9, e.outcome().code()).setParameter(10, e.droppedOut())
                .setParameter(11, code(e.dropOutReason())).executeUpdate();
    }

    private static String code(DropOutReason reason) {
        return reason == null ? null : reason.code();
    }

    static String[] array(List<String> codes) {
        return codes == null ? new String[0] : codes.toArray(new String[0]);
    }
}
