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

    static KnownCase caseOf(UUID owner) {
        return new KnownCase(UUID.randomUUID(), owner, "11070",
                List.of(new Person(UUID.randomUUID().toString(), "child", "child", "male")), NOW);
    }

    static KnownService service(UUID owner, String intake) {
        return new KnownService(UUID.randomUUID(), owner, "Savjetovanje", List.of("psychosocial.counselling"), "active",
                intake, NOW);
    }

    static Referral requested() {
        return Referral.request(caseOf(SENDER), List.of(), service(RECEIVER, "accepting"), List.of(), Priority.URGENT,
                "razlog", new Actor("worker", SENDER), NOW);
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
                service(SENDER, "accepting"), List.of(), Priority.ROUTINE, "r", new Actor("w", SENDER), NOW));
        assertThrows(ConflictException.class, () -> Referral.request(caseOf(SENDER), List.of(),
                service(RECEIVER, "not_accepting"), List.of(), Priority.ROUTINE, "r", new Actor("w", SENDER), NOW));
        assertThrows(AccessDeniedException.class, () -> Referral.request(caseOf(RECEIVER), List.of(),
                service(RECEIVER, "waitlist"), List.of(), Priority.ROUTINE, "r", new Actor("w", SENDER), NOW));
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
}
