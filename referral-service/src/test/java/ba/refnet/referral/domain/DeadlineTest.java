package ba.refnet.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.errors.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    static final Instant T0 = ReferralTest.NOW;
    static final Actor RECEIVER = ReferralTest.RECEIVER_WORKER;

    static Protocol begging() {
        return Protocol.define("Prosjačenje – Bijeljina", "10705", "child_found_begging", UUID.randomUUID(), 24,
                List.of(new ProtocolStep(Deadline.ACKNOWLEDGE, "centre_for_social_work", 24),
                        new ProtocolStep(Deadline.FIRST_CONTACT, "centre_for_social_work", 72),
                        new ProtocolStep(Deadline.PLAN, "centre_for_social_work", 168)),
                T0);
    }

    static Map<Deadline, ReferralDeadline> byKind(Referral r) {
        return r.deadlines().stream().collect(Collectors.toMap(ReferralDeadline::deadline, Function.identity()));
    }

    @Test
    void aReferralUnderAProtocolGetsItsRequiredTimes() {
        Referral r = ReferralTest.requested();
        r.placeUnder(begging(), ReferralTest.caseOf(ReferralTest.SENDER));
        Map<Deadline, ReferralDeadline> d = byKind(r);
        assertEquals(T0.plus(Duration.ofHours(24)), d.get(Deadline.ACKNOWLEDGE).dueAt());
        assertEquals(T0.plus(Duration.ofHours(72)), d.get(Deadline.FIRST_CONTACT).dueAt());
        assertEquals(T0.plus(Duration.ofDays(7)), d.get(Deadline.PLAN).dueAt());
    }

    @Test
    void theLoopsStepsMeetTheDeadlines() {
        Referral r = ReferralTest.requested();
        r.placeUnder(begging(), ReferralTest.caseOf(ReferralTest.SENDER));
        r.accept(RECEIVER, T0.plusSeconds(3600));
        r.start(RECEIVER, T0.plusSeconds(7200));
        r.recordPlan(RECEIVER, T0.plusSeconds(10800));
        byKind(r).values().forEach(d -> assertNotNull(d.metAt(), d.deadline() + " met"));
    }

    @Test
    void anEndedReferralClosesWhatIsLeftOpen() {
        Referral r = ReferralTest.requested();
        r.placeUnder(begging(), ReferralTest.caseOf(ReferralTest.SENDER));
        r.reject(RECEIVER, RejectionReason.NO_CAPACITY, "puno", T0.plusSeconds(60));
        Map<Deadline, ReferralDeadline> d = byKind(r);
        assertNotNull(d.get(Deadline.ACKNOWLEDGE).metAt(), "a rejection is an answer");
        assertNull(d.get(Deadline.PLAN).metAt());
        assertNotNull(d.get(Deadline.PLAN).closedAt());
        assertFalse(d.get(Deadline.PLAN).markOverdue(T0.plus(Duration.ofDays(30))), "closed deadlines never go overdue");
    }

    @Test
    void anUnmetDeadlineGoesOverdueThenEscalatesAfterTheGraceTime() {
        Referral r = ReferralTest.requested();
        r.placeUnder(begging(), ReferralTest.caseOf(ReferralTest.SENDER));
        ReferralDeadline ack = byKind(r).get(Deadline.ACKNOWLEDGE);
        assertFalse(ack.markOverdue(T0.plus(Duration.ofHours(23))));
        assertTrue(ack.markOverdue(T0.plus(Duration.ofHours(25))));
        assertFalse(ack.markOverdue(T0.plus(Duration.ofHours(26))), "marked once");
        assertFalse(ack.escalate(T0.plus(Duration.ofHours(47)), Duration.ofHours(24)));
        assertTrue(ack.escalate(T0.plus(Duration.ofHours(48)), Duration.ofHours(24)));
        assertFalse(ack.escalate(T0.plus(Duration.ofHours(49)), Duration.ofHours(24)), "escalated once");
    }

    @Test
    void aProtocolAppliesOnlyToCasesOfItsCategoryAndMunicipality() {
        Referral r = ReferralTest.requested();
        KnownCase otherPlace = new KnownCase(UUID.randomUUID(), ReferralTest.SENDER, "20010", List.of(),
                List.of("child_found_begging"), T0);
        assertThrows(InvalidInputException.class, () -> r.placeUnder(begging(), otherPlace));
        KnownCase otherCategory = new KnownCase(UUID.randomUUID(), ReferralTest.SENDER, "10705", List.of(),
                List.of("poverty"), T0);
        assertThrows(InvalidInputException.class, () -> r.placeUnder(begging(), otherCategory));
        assertTrue(r.deadlines().isEmpty());
        assertThrows(InvalidInputException.class, () -> Protocol.define("Dvaput", null, "poverty", UUID.randomUUID(),
                24, List.of(new ProtocolStep(Deadline.PLAN, null, 1), new ProtocolStep(Deadline.PLAN, null, 2)), T0));
    }
}
