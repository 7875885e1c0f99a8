package ba.refnet.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.contracts.common.Person;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralTest {

    static final UUID SENDER = UUID.randomUUID();
    static final UUID RECEIVER = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final ConsentBasis CONSENTED = new ConsentBasis(ConsentBasis.Kind.CONSENT, List.of(), null, ConsentBasis.ALL_SCOPES);

    static KnownCase caseOf(UUID owner) {
        return new KnownCase(UUID.randomUUID(), owner, "10705",
                List.of(new Person(UUID.randomUUID().toString(), "child", "child", "male")), List.of("child_found_begging"), NOW);
    }

    static KnownService service(UUID owner, String intake) {
        return new KnownService(UUID.randomUUID(), owner, "Savjetovanje", List.of("psychosocial.counselling"), "active",
                intake, NOW);
    }

    static Referral requested() {
        return Referral.request(caseOf(SENDER), List.of(), service(RECEIVER, "accepting"), List.of(), Priority.URGENT,
                "razlog", CONSENTED, new Actor("worker", SENDER), NOW);
    }

    @Test
    void aNewReferralIsRequestedWithTheServicesSupportTypesAndOneHistoryEntry() {
        Referral referral = requested();
        assertEquals(ReferralStatus.REQUESTED, referral.status());
        assertEquals(RECEIVER, referral.receivingOrganizationId());
        assertEquals(List.of("psychosocial.counselling"), referral.supportTypes());
        assertEquals(1, referral.history().size());
    }

    @Test
    void onlyTheReceiverAccepts() {
        Referral referral = requested();
        assertThrows(AccessDeniedException.class, () -> referral.accept(new Actor("worker", SENDER), NOW));
        referral.accept(new Actor("receiver", RECEIVER), NOW.plusSeconds(60));
        assertEquals(ReferralStatus.ACCEPTED, referral.status());
        assertEquals(NOW.plusSeconds(60), referral.acceptedAt());
        assertEquals("receiver", referral.history().get(1).actor());
        ConflictException twice = assertThrows(ConflictException.class,
                () -> referral.accept(new Actor("receiver", RECEIVER), NOW));
        assertEquals("cannot go from accepted to accepted", twice.getMessage());
    }

    @Test
    void referralsGoOnlyToOtherOrganisationsThatTakeReferrals() {
        assertThrows(ConflictException.class, () -> Referral.request(caseOf(SENDER), List.of(),
                service(SENDER, "accepting"), List.of(), Priority.ROUTINE, "r", CONSENTED, new Actor("w", SENDER), NOW));
        assertThrows(ConflictException.class, () -> Referral.request(caseOf(SENDER), List.of(),
                service(RECEIVER, "not_accepting"), List.of(), Priority.ROUTINE, "r", CONSENTED, new Actor("w", SENDER), NOW));
        assertThrows(AccessDeniedException.class, () -> Referral.request(caseOf(RECEIVER), List.of(),
                service(RECEIVER, "waitlist"), List.of(), Priority.ROUTINE, "r", CONSENTED, new Actor("w", SENDER), NOW));
    }

    @Test
    void theStateMachineAllowsOnlyTheClosedLoopsSteps() {
        assertTrue(ReferralStatus.REQUESTED.canGoTo(ReferralStatus.REJECTED));
        assertTrue(ReferralStatus.ACCEPTED.canGoTo(ReferralStatus.IN_PROGRESS));
        assertTrue(ReferralStatus.IN_PROGRESS.canGoTo(ReferralStatus.COMPLETED));
        assertFalse(ReferralStatus.REQUESTED.canGoTo(ReferralStatus.COMPLETED));
        assertFalse(ReferralStatus.COMPLETED.canGoTo(ReferralStatus.IN_PROGRESS));
        for (ReferralStatus end : List.of(ReferralStatus.COMPLETED, ReferralStatus.FAILED, ReferralStatus.REJECTED,
                ReferralStatus.CANCELLED, ReferralStatus.REDIRECTED)) {
            assertTrue(end.isFinal(), end + " ends the loop");
        }
    }

    static final Actor RECEIVER_WORKER = new Actor("receiver", RECEIVER);
    static final Actor SENDER_WORKER = new Actor("worker", SENDER);

    @Test
    void theReceiverRunsTheLoopToCompletionThroughAHold() {
        Referral referral = requested();
        referral.accept(RECEIVER_WORKER, NOW);
        referral.start(RECEIVER_WORKER, NOW.plusSeconds(10));
        referral.hold(RECEIVER_WORKER, "majka u bolnici", NOW.plusSeconds(20));
        assertEquals(ReferralStatus.ON_HOLD, referral.status());
        referral.resume(RECEIVER_WORKER, NOW.plusSeconds(30));
        assertEquals(ReferralStatus.IN_PROGRESS, referral.status(), "a hold returns to where it was");
        referral.complete(RECEIVER_WORKER, "8 savjetodavnih susreta", NeedMet.PARTLY, NOW.plusSeconds(40));
        assertEquals(ReferralStatus.COMPLETED, referral.status());
        assertEquals(NeedMet.PARTLY, referral.needMet());
        assertEquals(NOW.plusSeconds(10), referral.startedAt());
        assertEquals(NOW.plusSeconds(40), referral.closedAt());
        assertEquals(6, referral.history().size());
        assertThrows(ConflictException.class, () -> referral.fail(RECEIVER_WORKER, FailureReason.OTHER, "x", NOW));
    }

    @Test
    void aHoldFromAcceptedResumesToAccepted() {
        Referral referral = requested();
        referral.accept(RECEIVER_WORKER, NOW);
        referral.hold(RECEIVER_WORKER, "čekamo dokumente", NOW);
        referral.resume(RECEIVER_WORKER, NOW);
        assertEquals(ReferralStatus.ACCEPTED, referral.status());
        assertThrows(ConflictException.class, () -> referral.resume(RECEIVER_WORKER, NOW));
    }

    @Test
    void onlyTheReceiverRejectsAndOnlyTheSenderCancels() {
        Referral rejected = requested();
        assertThrows(AccessDeniedException.class,
                () -> rejected.reject(SENDER_WORKER, RejectionReason.NO_CAPACITY, "puno", NOW));
        rejected.reject(RECEIVER_WORKER, RejectionReason.NO_CAPACITY, "nemamo mjesta", NOW);
        assertEquals("no_capacity", rejected.reasonCode());
        assertThrows(ConflictException.class, () -> rejected.accept(RECEIVER_WORKER, NOW));

        Referral cancelled = requested();
        assertThrows(AccessDeniedException.class, () -> cancelled.cancel(RECEIVER_WORKER, "ne", NOW));
        cancelled.cancel(SENDER_WORKER, "porodica se odselila", NOW);
        assertEquals(ReferralStatus.CANCELLED, cancelled.status());
        assertThrows(ConflictException.class, () -> cancelled.cancel(SENDER_WORKER, "opet", NOW));
    }

    @Test
    void workCannotStartOrCompleteBeforeAcceptance() {
        Referral referral = requested();
        assertThrows(ConflictException.class, () -> referral.start(RECEIVER_WORKER, NOW));
        assertThrows(ConflictException.class,
                () -> referral.complete(RECEIVER_WORKER, "ništa", NeedMet.NOT, NOW));
        assertThrows(AccessDeniedException.class, () -> referral.start(SENDER_WORKER, NOW));
    }

    @Test
    void aRedirectClosesTheReferralAndOpensALinkedOneFromTheSameSender() {
        KnownCase family = caseOf(SENDER);
        Referral first = Referral.request(family, List.of(), service(RECEIVER, "accepting"), List.of(),
                Priority.URGENT, "razlog", CONSENTED, SENDER_WORKER, NOW);
        UUID third = UUID.randomUUID();
        Referral next = first.redirect(RECEIVER_WORKER, family, service(third, "waitlist"), null, CONSENTED, "bolje kod njih", NOW);
        assertEquals(ReferralStatus.REDIRECTED, first.status());
        assertEquals(next.id(), first.redirectedTo());
        assertEquals(first.id(), next.redirectedFrom());
        assertEquals(SENDER, next.sendingOrganizationId());
        assertEquals(third, next.receivingOrganizationId());
        assertEquals(ReferralStatus.REQUESTED, next.status());
        assertEquals(Priority.URGENT, next.priority());
        assertEquals("receiver", next.history().get(0).actor());

        Referral back = Referral.request(family, List.of(), service(RECEIVER, "accepting"), List.of(),
                Priority.URGENT, "razlog", CONSENTED, SENDER_WORKER, NOW);
        assertThrows(ConflictException.class,
                () -> back.redirect(RECEIVER_WORKER, family, service(SENDER, "accepting"), null, CONSENTED, "nazad", NOW));
        assertThrows(ConflictException.class,
                () -> back.redirect(RECEIVER_WORKER, family, service(third, "not_accepting"), null, CONSENTED, "puno", NOW));
        assertEquals(ReferralStatus.REQUESTED, back.status(), "a refused redirect changes nothing");
    }

    @Test
    void aDraftIsTheSendersAloneUntilSent() {
        KnownService service = service(RECEIVER, "accepting");
        KnownCase family = caseOf(SENDER);
        Referral draft = Referral.draft(family, List.of(), service, List.of(), Priority.ROUTINE, "nacrt",
                SENDER_WORKER, NOW);
        assertEquals(ReferralStatus.DRAFT, draft.status());
        assertTrue(draft.visibleTo(SENDER));
        assertFalse(draft.visibleTo(RECEIVER), "the receiver does not see drafts");
        assertThrows(AccessDeniedException.class, () -> draft.send(CONSENTED, family, service, RECEIVER_WORKER, NOW));
        draft.send(CONSENTED, family, service, SENDER_WORKER, NOW.plusSeconds(600));
        assertEquals(ReferralStatus.REQUESTED, draft.status());
        assertEquals(NOW.plusSeconds(600), draft.requestedAt(), "the loop starts when it is sent");
        assertTrue(draft.visibleTo(RECEIVER));
    }
}
