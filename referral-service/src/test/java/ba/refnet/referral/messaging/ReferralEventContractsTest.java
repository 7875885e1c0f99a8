package ba.refnet.referral.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ba.refnet.chassis.outbox.PublishedEvent;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.referral.FailureReason;
import ba.refnet.contracts.referral.RejectionReason;
import ba.refnet.referral.domain.Deadline;
import ba.refnet.referral.domain.NeedMet;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.ReferralEvent;
import ba.refnet.referral.domain.ReferralStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The published events read exactly as they did when the services built their payloads by hand. */
class ReferralEventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SENDER = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID RECEIVER = UUID.fromString("00000000-0000-0000-0000-000000000004");
    private static final UUID SERVICE = UUID.fromString("00000000-0000-0000-0000-000000000005");
    private static final Instant REQUESTED = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-21T10:30:00Z");
    private static final ReferralEvent.Facts FACTS = new ReferralEvent.Facts(REFERRAL, CASE, SENDER, RECEIVER, SERVICE,
            List.of("psychosocial.counselling"), Priority.URGENT, REQUESTED);
    private static final String HEAD = """
            {"referralId":"00000000-0000-0000-0000-000000000001","caseId":"00000000-0000-0000-0000-000000000002",\
            "sendingOrganizationId":"00000000-0000-0000-0000-000000000003",\
            "receivingOrganizationId":"00000000-0000-0000-0000-000000000004",\
            "serviceId":"00000000-0000-0000-0000-000000000005","supportTypes":["psychosocial.counselling"],""";

    private final ReferralEventContracts contracts = new ReferralEventContracts();

    private String json(PublishedEvent event) throws Exception {
        assertEquals(REFERRAL, event.key());
        return JSON.writeValueAsString(event.payload());
    }

    @Test
    void aCompletionIsTheCompletedTypeWithItsCodesInLowerCase() throws Exception {
        PublishedEvent event = contracts.toContract(new ReferralEvent.Completed(FACTS, ReferralStatus.IN_PROGRESS,
                NeedMet.PARTLY, AT));
        assertEquals(EventType.REFERRAL_COMPLETED, event.type());
        assertEquals(HEAD + """
                "priority":"urgent","fromStatus":"in_progress","status":"completed","reasonCode":null,\
                "needMet":"partly","redirectedToReferralId":null,"requestedAt":"2026-11-20T09:00:00Z",\
                "changedAt":"2026-11-21T10:30:00Z"}""", json(event));
    }

    @Test
    void aRejectionAndAFailureCarryTheirReasonCodes() throws Exception {
        PublishedEvent rejected = contracts.toContract(new ReferralEvent.Rejected(FACTS, ReferralStatus.REQUESTED,
                ba.refnet.referral.domain.RejectionReason.ALREADY_RECEIVING_SERVICE, AT));
        assertEquals(EventType.REFERRAL_REJECTED, rejected.type());
        assertEquals(HEAD + """
                "priority":"urgent","fromStatus":"requested","status":"rejected",\
                "reasonCode":"already_receiving_service","needMet":null,"redirectedToReferralId":null,\
                "requestedAt":"2026-11-20T09:00:00Z","changedAt":"2026-11-21T10:30:00Z"}""", json(rejected));
        for (var reason : ba.refnet.referral.domain.RejectionReason.values()) {
            var payload = (ba.refnet.contracts.referral.ReferralStatusChangedV1) contracts.toContract(
                    new ReferralEvent.Rejected(FACTS, ReferralStatus.REQUESTED, reason, AT)).payload();
            assertEquals(RejectionReason.valueOf(reason.name()), payload.rejectionReason().orElseThrow());
        }
        for (var reason : ba.refnet.referral.domain.FailureReason.values()) {
            var payload = (ba.refnet.contracts.referral.ReferralStatusChangedV1) contracts.toContract(
                    new ReferralEvent.Failed(FACTS, ReferralStatus.ACCEPTED, reason, AT)).payload();
            assertEquals(FailureReason.valueOf(reason.name()), payload.failureReason().orElseThrow());
        }
    }

    @Test
    void aRequestCarriesThePeopleAndTheSharedScope() throws Exception {
        PublishedEvent event = contracts.toContract(new ReferralEvent.Requested(FACTS, "10705",
                List.of(new Person("00000000-0000-0000-0000-000000000009", "child", "child", "female")),
                List.of("household", "needs"), List.of()));
        assertEquals(EventType.REFERRAL_REQUESTED, event.type());
        assertEquals(HEAD + """
                "priority":"urgent","municipalityCode":"10705","people":[{"memberId":\
                "00000000-0000-0000-0000-000000000009","role":"child","ageBand":"child","sex":"female"}],\
                "sharedScope":["household","needs"],"consentIds":[],"requestedAt":"2026-11-20T09:00:00Z"}""",
                json(event));
    }

    @Test
    void aMissedDeadlineIsOverdueOrEscalatedWithItsDeadlineCode() throws Exception {
        UUID protocol = UUID.fromString("00000000-0000-0000-0000-000000000007");
        UUID coordinator = UUID.fromString("00000000-0000-0000-0000-000000000008");
        var missed = new ReferralEvent.MissedDeadline(protocol, coordinator, Deadline.FIRST_CONTACT, REQUESTED);
        PublishedEvent escalated = contracts.toContract(new ReferralEvent.Escalated(FACTS, missed, AT));
        assertEquals(EventType.REFERRAL_ESCALATED, escalated.type());
        assertEquals(EventType.REFERRAL_OVERDUE, contracts.toContract(new ReferralEvent.WentOverdue(FACTS, missed, AT))
                .type());
        assertEquals("""
                {"referralId":"00000000-0000-0000-0000-000000000001",\
                "protocolId":"00000000-0000-0000-0000-000000000007",\
                "coordinatorOrganizationId":"00000000-0000-0000-0000-000000000008",\
                "sendingOrganizationId":"00000000-0000-0000-0000-000000000003",\
                "receivingOrganizationId":"00000000-0000-0000-0000-000000000004",\
                "serviceId":"00000000-0000-0000-0000-000000000005","priority":"urgent","deadline":"first_contact",\
                "dueAt":"2026-11-20T09:00:00Z","occurredAt":"2026-11-21T10:30:00Z"}""", json(escalated));
    }

    @Test
    void eachStepHasItsTypeAndEveryDomainCodeHasItsContractCode() {
        assertEquals(EventType.REFERRAL_HELD,
                contracts.toContract(new ReferralEvent.Held(FACTS, ReferralStatus.ACCEPTED, AT)).type());
        assertEquals(EventType.REFERRAL_RESUMED, contracts.toContract(new ReferralEvent.Resumed(FACTS,
                ReferralStatus.ON_HOLD, ReferralStatus.IN_PROGRESS, AT)).type());
        assertEquals(EventType.REFERRAL_REDIRECTED, contracts.toContract(new ReferralEvent.Redirected(FACTS,
                ReferralStatus.ACCEPTED, UUID.randomUUID(), AT)).type());
        assertEquals(EventType.REFERRAL_CONSENT_WITHDRAWN, contracts.toContract(new ReferralEvent.ConsentWithdrawn(
                FACTS, ReferralStatus.ACCEPTED, AT)).type());
        for (ReferralStatus status : ReferralStatus.values()) {
            if (status == ReferralStatus.DRAFT) {
                assertThrows(IllegalStateException.class, () -> ReferralEventContracts.status(status));
            } else {
                assertEquals(status.code(), ReferralEventContracts.status(status).code());
            }
        }
        for (Priority priority : Priority.values()) {
            assertEquals(priority.code(), ReferralEventContracts.priority(priority).code());
        }
        for (NeedMet needMet : NeedMet.values()) {
            assertEquals(needMet.code(), ReferralEventContracts.needMet(needMet).code());
        }
        for (Deadline deadline : Deadline.values()) {
            assertEquals(deadline.code(), ReferralEventContracts.deadline(deadline).code());
        }
    }
}
