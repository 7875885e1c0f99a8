package ba.refnet.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ba.refnet.chassis.errors.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseProcessTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final AgeBands.On AGES = new AgeBands(15, 25).on(LocalDate.of(2026, 11, 23));

    static FamilyCase family() {
        return FamilyCase.open(UUID.randomUUID(), "10705", List.of(), List.of(), Contact.NONE,
                List.of(new FamilyCase.NewMember(MemberRole.SELF, "A", "B", Sex.FEMALE, LocalDate.of(1990, 1, 1), false,
                        null)), "worker", AGES, NOW);
    }

    @Test
    void aCaseGoesThroughTheProcessInOrder() {
        FamilyCase c = family();
        assertEquals(CaseStatus.INTAKE, c.status());
        c.moveTo(CaseStatus.ASSESSMENT, false, false, "w", null, NOW);
        assertThrows(ConflictException.class, () -> c.moveTo(CaseStatus.PLANNING, false, false, "w", null, NOW),
                "planning needs an assessment");
        c.moveTo(CaseStatus.PLANNING, true, false, "w", null, NOW);
        assertThrows(ConflictException.class, () -> c.moveTo(CaseStatus.ACTIVE, true, false, "w", null, NOW),
                "active work needs a plan");
        c.moveTo(CaseStatus.ACTIVE, true, true, "w", null, NOW);
        c.moveTo(CaseStatus.REVIEW, true, true, "w", null, NOW);
        c.moveTo(CaseStatus.PLANNING, true, true, "w", "novi plan", NOW);
        ConflictException skip = assertThrows(ConflictException.class,
                () -> c.moveTo(CaseStatus.REVIEW, true, true, "w", null, NOW));
        assertEquals("cannot go from planning to review", skip.getMessage());
    }

    @Test
    void closingNeedsTheCloseStepAndReopeningStartsANewAssessment() {
        FamilyCase c = family();
        assertThrows(ConflictException.class, () -> c.moveTo(CaseStatus.CLOSED, true, true, "w", null, NOW));
        CaseTransition closed = c.close(ClosureReason.MOVED_AWAY, "w", "preselili se", NOW);
        assertEquals(CaseStatus.INTAKE, closed.fromStatus());
        assertEquals(ClosureReason.MOVED_AWAY, c.closureReason());
        assertThrows(ConflictException.class, () -> c.close(ClosureReason.OTHER, "w", null, NOW));
        assertThrows(ConflictException.class, () -> c.moveTo(CaseStatus.ACTIVE, true, true, "w", null, NOW));
        c.reopen("w", "vratili se", NOW);
        assertEquals(CaseStatus.ASSESSMENT, c.status());
        assertEquals(null, c.closureReason());
        assertThrows(ConflictException.class, () -> c.reopen("w", "opet", NOW));
    }
}
