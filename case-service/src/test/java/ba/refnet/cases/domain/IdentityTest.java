package ba.refnet.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void aValidJmbgPassesAndGivesItsBirthDate() {
        // check digits worked out separately with the modulo-11 rule: 010199017000 → 3, 020901517000 → 6
        assertTrue(Jmbg.problem("0101990170003").isEmpty(), Jmbg.problem("0101990170003").orElse(""));
        assertTrue(Jmbg.problem("0209015170006").isEmpty());
        assertEquals(LocalDate.of(1990, 1, 1), Jmbg.birthDate("0101990170003").orElseThrow());
        assertEquals(LocalDate.of(2015, 9, 2), Jmbg.birthDate("0209015170006").orElseThrow());
    }

    @Test
    void badNumbersSayWhatIsWrong() {
        assertEquals("must be 13 digits", Jmbg.problem("12345").orElseThrow());
        assertEquals("its check digit does not match", Jmbg.problem("0101990170001").orElseThrow());
        assertEquals("its first seven digits are not a real date of birth", Jmbg.problem("3102990170003").orElseThrow());
    }

    @Test
    void namesMatchAcrossDiacriticsAndScripts() {
        assertEquals("emir celic", NameKey.of("Emir", "Čelić"));
        assertEquals("emir celic", NameKey.of(" emir ", "Celic"));
        assertEquals("emir celic", NameKey.of("Емир", "Челић"));
        assertEquals("djordje dzamonja", NameKey.of("Đorđe", "Džamonja"));
        assertEquals("djordje dzamonja", NameKey.of("Ђорђе", "Џамоња"));
    }
}
