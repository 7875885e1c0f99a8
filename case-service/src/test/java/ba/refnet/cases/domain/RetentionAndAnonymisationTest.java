package ba.refnet.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.errors.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionAndAnonymisationTest {

    static final Instant CLOSED = Instant.parse("2020-01-10T10:00:00Z");
    static final RetentionRule TEN_YEARS = new RetentionRule(Duration.ofDays(3650));

    @Test
    void aClosedCaseIsKeptForTheRetentionTimeAndAnOpenOneAlways() {
        assertTrue(TEN_YEARS.keepReason(CaseStatus.CLOSED, CLOSED, CLOSED.plus(Duration.ofDays(3649))).orElseThrow()
                .contains("2030-01-07"));
        assertEquals(Optional.empty(), TEN_YEARS.keepReason(CaseStatus.CLOSED, CLOSED, CLOSED.plus(Duration.ofDays(3650))));
        assertTrue(TEN_YEARS.keepReason(CaseStatus.ACTIVE, null, CLOSED.plus(Duration.ofDays(9999))).isPresent());
        assertThrows(IllegalArgumentException.class, () -> new RetentionRule(Duration.ofDays(-1)));
    }

    @Test
    void anonymisingKeepsTheFactsAndRemovesTheIdentity() {
        FamilyCase c = CaseProcessTest.family();
        c.contactAt(new Contact("+387 36 123 456", "a@b.ba", "Mostar"), CLOSED);
        c.anonymise(CLOSED);
        CaseMember m = c.members().get(0);
        assertEquals("anonymised", m.givenName());
        assertEquals(LocalDate.of(1990, 1, 1), m.birthDate());
        assertTrue(m.birthDateEstimated());
        assertEquals(MemberRole.SELF, m.role());
        assertNull(c.contact().phone());
        assertThrows(ConflictException.class, () -> c.anonymise(CLOSED), "only once");
        assertThrows(ConflictException.class, () -> c.contactAt(Contact.NONE, CLOSED), "an anonymised case is frozen");
    }
}
