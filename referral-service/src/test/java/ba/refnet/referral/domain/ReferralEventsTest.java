package ba.refnet.referral.domain;

import static ba.refnet.referral.domain.ReferralTest.NOW;
import static ba.refnet.referral.domain.ReferralTest.RECEIVER;
import static ba.refnet.referral.domain.ReferralTest.RECEIVER_WORKER;
import static ba.refnet.referral.domain.ReferralTest.SENDER;
import static ba.refnet.referral.domain.ReferralTest.SENDER_WORKER;
import static ba.refnet.referral.domain.ReferralTest.CONSENTED;
import static ba.refnet.referral.domain.ReferralTest.caseOf;
import static ba.refnet.referral.domain.ReferralTest.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.domain.DomainEvent;
import ba.refnet.chassis.errors.ConflictException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each change of a referral records the event of that change, once; a refused change records none. */
class ReferralEventsTest {

    private static DomainEvent only(Referral referral) {
        List<DomainEvent> events = referral.releaseEvents();
        assertEquals(1, events.size(), "events: " + events);
        return events.get(0);
    }

    @Test
    void aSentReferralRecordsItsRequestWithThePeopleItConcernsAndWhatTheReceiverMaySee() {
        KnownCase family = caseOf(SENDER);
        Referral referral = Referral.request(family, List.of(family.members().get(0).memberId()),
                service(RECEIVER, "accepting"), List.of(), Priority.URGENT, "razlog", CONSENTED, SENDER_WORKER, NOW);
        ReferralEvent.Requested requested = assertInstanceOf(ReferralEvent.Requested.class, only(referral));
        assertEquals(referral.id(), requested.referral().referralId());
        assertEquals(RECEIVER, requested.referral().receivingOrganizationId());
        assertEquals(Priority.URGENT, requested.referral().priority());
        assertEquals(family.members(), requested.people());
        assertEquals("10705", requested.municipalityCode());
        assertEquals(List.of("assessment", "contact", "household", "identity", "needs"), requested.sharedScope());
        assertTrue(referral.releaseEvents().isEmpty(), "released once");
    }

    @Test
    void aDraftRecordsNothingUntilItIsSentAndItsCancellationTellsNobody() {
        KnownCase family = caseOf(SENDER);
        KnownService service = service(RECEIVER, "accepting");
        Referral draft = Referral.draft(family, List.of(), service, List.of(), Priority.ROUTINE, "nacrt",
                SENDER_WORKER, NOW);
        assertEquals(ReferralStatus.DRAFT, draft.status());
        assertEquals(1, draft.history().size());
        assertEquals(List.of(), draft.sharedScope(), "nothing is shared before it is sent");
        assertTrue(draft.releaseEvents().isEmpty());
        draft.send(CONSENTED, family, service, SENDER_WORKER, NOW.plusSeconds(60));
        ReferralEvent.Requested requested = assertInstanceOf(ReferralEvent.Requested.class, only(draft));
        assertEquals(NOW.plusSeconds(60), requested.referral().requestedAt());

        Referral unsent = Referral.draft(family, List.of(), service, List.of(), Priority.ROUTINE, "nacrt",
                SENDER_WORKER, NOW);
        unsent.cancel(SENDER_WORKER, "ipak ne", NOW);
        assertEquals(ReferralStatus.CANCELLED, unsent.status());
        assertTrue(unsent.releaseEvents().isEmpty());
    }

    @Test
    void everyStepOfTheLoopRecordsItsOwnEventFromWhereItWas() {
        Referral referral = ReferralTest.requested();
        referral.releaseEvents();
        referral.accept(RECEIVER_WORKER, NOW);
        assertEquals(NOW, assertInstanceOf(ReferralEvent.Accepted.class, only(referral)).acceptedAt());
        referral.hold(RECEIVER_WORKER, "čekamo", NOW);
        assertEquals(ReferralStatus.ACCEPTED, assertInstanceOf(ReferralEvent.Held.class, only(referral)).from());
        referral.resume(RECEIVER_WORKER, NOW);
        ReferralEvent.Resumed resumed = assertInstanceOf(ReferralEvent.Resumed.class, only(referral));
        assertEquals(ReferralStatus.ON_HOLD, resumed.from());
        assertEquals(ReferralStatus.ACCEPTED, resumed.to());
        referral.start(RECEIVER_WORKER, NOW);
        assertInstanceOf(ReferralEvent.Started.class, only(referral));
        referral.complete(RECEIVER_WORKER, "susreti", NeedMet.FULLY, NOW.plusSeconds(5));
        ReferralEvent.Completed completed = assertInstanceOf(ReferralEvent.Completed.class, only(referral));
        assertEquals(NeedMet.FULLY, completed.needMet());
        assertEquals(ReferralStatus.IN_PROGRESS, completed.from());
        assertEquals(NOW.plusSeconds(5), completed.at());

        assertThrows(ConflictException.class, () -> referral.fail(RECEIVER_WORKER, FailureReason.OTHER, "x", NOW));
        assertTrue(referral.releaseEvents().isEmpty(), "a refused step records nothing");
    }

    @Test
    void aRejectionAndAFailureCarryTheirReasons() {
        Referral rejected = ReferralTest.requested();
        rejected.releaseEvents();
        rejected.reject(RECEIVER_WORKER, RejectionReason.OUTSIDE_SERVICE_AREA, "daleko", NOW);
        assertEquals(RejectionReason.OUTSIDE_SERVICE_AREA,
                assertInstanceOf(ReferralEvent.Rejected.class, only(rejected)).reason());

        Referral failed = ReferralTest.requested();
        failed.accept(RECEIVER_WORKER, NOW);
        failed.releaseEvents();
        failed.fail(RECEIVER_WORKER, FailureReason.CLIENT_MOVED, "odselili se", NOW);
        ReferralEvent.Failed event = assertInstanceOf(ReferralEvent.Failed.class, only(failed));
        assertEquals(FailureReason.CLIENT_MOVED, event.reason());
        assertEquals(ReferralStatus.ACCEPTED, event.from());
    }

    @Test
    void aRedirectRecordsTheClosingOfOneAndTheRequestOfTheNext() {
        KnownCase family = caseOf(SENDER);
        Referral first = Referral.request(family, List.of(), service(RECEIVER, "accepting"), List.of(),
                Priority.ROUTINE, "razlog", CONSENTED, SENDER_WORKER, NOW);
        first.releaseEvents();
        Referral next = first.redirect(RECEIVER_WORKER, family, service(UUID.randomUUID(), "accepting"), null,
                CONSENTED, "bolje kod njih", NOW);
        ReferralEvent.Redirected redirected = assertInstanceOf(ReferralEvent.Redirected.class, only(first));
        assertEquals(next.id(), redirected.next());
        ReferralEvent.Requested requested = assertInstanceOf(ReferralEvent.Requested.class, only(next));
        assertEquals(SENDER, requested.referral().sendingOrganizationId(), "the sender stays the sender");
        assertEquals("redirected from referral " + first.id(), next.history().get(0).note());

        Referral refused = Referral.request(family, List.of(), service(RECEIVER, "accepting"), List.of(),
                Priority.ROUTINE, "razlog", CONSENTED, SENDER_WORKER, NOW);
        refused.releaseEvents();
        assertThrows(ConflictException.class, () -> refused.redirect(RECEIVER_WORKER, family,
                service(UUID.randomUUID(), "not_accepting"), null, CONSENTED, "puno", NOW));
        assertEquals(ReferralStatus.REQUESTED, refused.status());
        assertEquals(1, refused.history().size());
        assertTrue(refused.releaseEvents().isEmpty());
    }

    @Test
    void anEndedConsentIsRecordedOnceForAnOpenReferralThatReliedOnIt() {
        UUID consent = UUID.randomUUID();
        Referral referral = Referral.request(caseOf(SENDER), List.of(), service(RECEIVER, "accepting"), List.of(),
                Priority.ROUTINE, "r", new ConsentBasis(ConsentBasis.Kind.CONSENT, List.of(consent), null,
                        ConsentBasis.ALL_SCOPES), SENDER_WORKER, NOW);
        referral.releaseEvents();
        assertTrue(referral.consentWithdrawn(consent, NOW));
        assertEquals(ReferralStatus.REQUESTED,
                assertInstanceOf(ReferralEvent.ConsentWithdrawn.class, only(referral)).status());
        assertTrue(!referral.consentWithdrawn(consent, NOW) && referral.releaseEvents().isEmpty());
    }

    @Test
    void aMissedDeadlineIsRecordedWhenItGoesOverdueAndAgainWhenItIsEscalated() {
        KnownCase family = new KnownCase(UUID.randomUUID(), SENDER, "10705", caseOf(SENDER).members(),
                List.of("child_found_begging"), NOW);
        UUID coordinator = UUID.randomUUID();
        Protocol protocol = Protocol.define("Djeca na ulici", null, "child_found_begging", coordinator, 24,
                List.of(new ProtocolStep(Deadline.ACKNOWLEDGE, "csr", 4)), NOW);
        Referral referral = Referral.request(family, List.of(), service(RECEIVER, "accepting"), List.of(),
                Priority.EMERGENCY, "r", CONSENTED, SENDER_WORKER, NOW);
        referral.placeUnder(protocol, family);
        referral.releaseEvents();
        ReferralDeadline acknowledge = referral.deadlines().get(0);

        assertTrue(!referral.markOverdue(acknowledge, protocol, NOW.plus(Duration.ofHours(1))));
        assertTrue(referral.markOverdue(acknowledge, protocol, NOW.plus(Duration.ofHours(5))));
        ReferralEvent.WentOverdue overdue = assertInstanceOf(ReferralEvent.WentOverdue.class, only(referral));
        assertEquals(Deadline.ACKNOWLEDGE, overdue.missed().deadline());
        assertEquals(coordinator, overdue.missed().coordinatorOrganizationId());
        assertEquals(NOW.plus(Duration.ofHours(4)), overdue.missed().dueAt());
        assertTrue(!referral.escalate(acknowledge, protocol, NOW.plus(Duration.ofHours(6))));
        assertTrue(referral.escalate(acknowledge, protocol, NOW.plus(Duration.ofHours(29))));
        assertInstanceOf(ReferralEvent.Escalated.class, only(referral));
    }
}
