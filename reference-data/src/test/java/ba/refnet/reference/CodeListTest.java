package ba.refnet.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeListTest {

    @Test
    void theTaxonomyCoversTheSupportTheNetworkGivesWithEveryLabel() {
        CodeList types = CodeList.supportTypes();
        for (String code : List.of("educational", "health", "economic", "material", "psychosocial",
                "psychosocial.psychotherapy", "psychosocial.counselling", "family_group_conference",
                "mentoring_leaving_care", "parent_education", "foster_care", "day_centre", "shelter", "legal_aid",
                "returnee_information", "child_protection")) {
            assertTrue(types.contains(code), code);
        }
        for (Term term : types.terms()) {
            for (String language : Languages.SUPPORTED) {
                assertTrue(!term.label(language).isBlank(), term.code() + " " + language);
            }
            assertTrue(term.label("sr-Cyrl").chars().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.CYRILLIC), term.code() + " is written in Cyrillic");
        }
    }

    @Test
    void aNodeBringsItsChildren() {
        assertEquals(Set.of("psychosocial", "psychosocial.counselling", "psychosocial.psychotherapy"),
                CodeList.supportTypes().withDescendants("psychosocial"));
        assertEquals(Set.of("legal_aid"), CodeList.supportTypes().withDescendants("legal_aid"));
        assertEquals(Set.of(), CodeList.supportTypes().withDescendants("astrology"));
    }

    @Test
    void unknownCodesAreNamed() {
        assertEquals(List.of("astrology"), CodeList.targetGroups().unknown(List.of("children", "astrology")));
    }

    @Test
    void aParentMustComeFirst() {
        String csv = "code,parent,bs,hr,sr-Latn,sr-Cyrl,en\nchild,missing,a,b,c,д,e\n";
        assertThrows(IllegalStateException.class, () -> CodeList.parse(new StringReader(csv)));
    }

    @Test
    void acceptLanguageChoosesScriptAndLanguage() {
        assertEquals("sr-Cyrl", Languages.choose(List.of(Locale.forLanguageTag("sr"))));
        assertEquals("sr-Latn", Languages.choose(List.of(Locale.forLanguageTag("sr-Latn-BA"))));
        assertEquals("hr", Languages.choose(List.of(Locale.forLanguageTag("de"), Locale.forLanguageTag("hr-HR"))));
        assertEquals("bs", Languages.choose(List.of(Locale.forLanguageTag("de"))));
        assertEquals("Savetovanje", CodeList.supportTypes().term("psychosocial.counselling").orElseThrow()
                .label("sr-Latn"));
    }

    @Test
    void bosniaAndHerzegovinaHasItsEntitiesCantonsAndMunicipalities() {
        CodeList units = CodeList.administrativeUnits();
        assertEquals(143, units.municipalitiesIn("BA").size());
        assertEquals(79, units.municipalitiesIn("BA-BIH").size());
        assertEquals(63, units.municipalitiesIn("BA-SRP").size());
        assertEquals(1, units.municipalitiesIn("BA-BRC").size());
        assertTrue(units.isMunicipality("10705"));
        assertTrue(!units.isMunicipality("BA-07"), "a canton is not a municipality");
        assertEquals(10, units.terms().stream().filter(t -> "canton".equals(t.kind())).count());
        String mostar = units.terms().stream().filter(t -> t.label("bs").equals("Mostar")).findFirst().orElseThrow().code();
        assertEquals(List.of(mostar, "BA-07", "BA-BIH", "BA"), units.withAncestors(mostar));
        assertEquals("Мостар", units.term(mostar).orElseThrow().label("sr-Cyrl"));
    }

    @Test
    void textFoldsAcrossScriptsAndDiacritics() {
        assertEquals("celic", SearchText.fold("Čelić"));
        assertEquals("celic", SearchText.fold("Челић"));
        assertEquals("djordje dzamonja", SearchText.fold("Ђорђе Džamonja"));
        assertEquals("centar za socijalni rad 2", SearchText.fold("Centar za socijalni rad (2)"));
    }
}
