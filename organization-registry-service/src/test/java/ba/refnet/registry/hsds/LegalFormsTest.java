package ba.refnet.registry.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.reference.SearchText;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LegalFormsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "JU Centar za socijalni rad Mostar | centre_for_social_work",
            "Javna ustanova Centar za socijalni rad | centre_for_social_work",
            "Centre for social work | centre_for_social_work",
            "Javna ustanova Dom zdravlja | health_centre",
            "Dom zdravlja Mostar | health_centre",
            "Mental health centre | health_centre",
            "Javna ustanova Osnovna škola | school",
            "Primary school | school",
            "Policijska uprava | police",
            "Police station | police",
            "International NGO | international_organisation",
            "International health organisation | international_organisation",
            "Javna ustanova | public_institution",
            "Udruženje građana | ngo",
            "Registered NGO | ngo",
            "Non profit organisation | ngo",
            "Nonprofit | ngo",
            "Charity | ngo",
            "Fondacija | ngo",
            "Foundation | ngo"})
    void eachRuleGivesItsForm(String status, String legalForm) {
        assertEquals(Optional.of(legalForm), LegalForms.of(SearchText.fold(status)));
    }

    @Test
    void theSameStatusGivesTheSameFormEveryTime() {
        String status = SearchText.fold("Javna ustanova Dom zdravlja");
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.of("health_centre"), LegalForms.of(status));
        }
    }

    @Test
    void anUnknownStatusHasNoForm() {
        assertTrue(LegalForms.of(SearchText.fold("Društvo s ograničenom odgovornošću")).isEmpty());
    }
}
