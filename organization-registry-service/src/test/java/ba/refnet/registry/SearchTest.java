package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Finding where to refer: across scripts and diacritics, down the taxonomy, by the area a service covers. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchTest {

    /** A word no other test uses, so that these searches see only this class's data. */
    static final String TAG = "zx" + UUID.randomUUID().toString().substring(0, 6);
    static final String CELIC = "10302";
    static final String MOSTAR = "10705";
    static final String BANJA_LUKA = "20001";

    private static List<String> names(String query) {
        return given().get("/services?" + query).then().statusCode(200).extract().jsonPath().getList("items.name");
    }

    @Test
    @Order(0)
    @TestSecurity(user = "admin", roles = "network-admin")
    void aSmallDirectory() {
        String org = given().contentType("application/json").body("""
                {"name": "Udruženje Čelić %s", "legalForm": "ngo", "municipalityCode": "%s"}""".formatted(TAG, CELIC))
                .post("/organizations").then().statusCode(201).extract().path("id");
        service(org, "Savjetovanje za mlade " + TAG, "psychosocial.counselling", "[\"BA-03\"]", 15, 29, "bs", "accepting");
        service(org, "Psihoterapija " + TAG, "psychosocial.psychotherapy", "[\"" + CELIC + "\"]", null, null, "rom", "waitlist");
        service(org, "Pravna pomoć " + TAG, "legal_aid", "[\"BA\"]", 18, null, "bs", "accepting");
        service(org, "Paketi hrane " + TAG, "material.food_hygiene", "[\"BA-SRP\"]", null, null, "sr", "not_accepting");
    }

    private static void service(String org, String name, String type, String areas, Integer min, Integer max,
            String language, String intake) {
        given().contentType("application/json").body("""
                {"name": "%s", "supportTypes": ["%s"], "areaCodes": %s, "minimumAge": %s, "maximumAge": %s,
                 "languages": ["%s"], "targetGroups": ["youth"], "intakeStatus": "%s"}"""
                .formatted(name, type, areas, min, max, language, intake))
                .post("/organizations/" + org + "/services").then().statusCode(201);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker", roles = "case-worker")
    void textMeetsAcrossScriptsAndDiacritics() {
        assertEquals(4, names("q=celic " + TAG).size(), "Latin without diacritics finds the organisation's services");
        assertEquals(4, names("q=Челић " + TAG).size(), "Cyrillic finds them too");
        assertEquals(List.of("Pravna pomoć " + TAG), names("q=pravna pomoc " + TAG));
        assertEquals(List.of("Psihoterapija " + TAG), names("q=psihoter " + TAG), "words match as prefixes");
        given().get("/organizations?q=Udruzenje Celic " + TAG).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker", roles = "case-worker")
    void aSupportTypeBringsTheTypesBelowIt() {
        assertEquals(2, names("q=" + TAG + "&supportType=psychosocial").size());
        assertEquals(List.of("Psihoterapija " + TAG), names("q=" + TAG + "&supportType=psychosocial.psychotherapy"));
        assertEquals(1, names("q=" + TAG + "&supportType=material").size());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker", roles = "case-worker")
    void aMunicipalityFindsTheServicesWhoseAreaCoversIt() {
        assertEquals(3, names("q=" + TAG + "&municipality=" + CELIC).size(), "its canton, itself and the whole country");
        assertEquals(1, names("q=" + TAG + "&municipality=" + MOSTAR).size(), "only the country-wide one");
        assertEquals(2, names("q=" + TAG + "&municipality=" + BANJA_LUKA).size(), "the entity and the country");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker", roles = "case-worker")
    void ageLanguageTargetGroupAndIntakeNarrowTheList() {
        assertEquals(3, names("q=" + TAG + "&age=16").size(), "open ranges count as open");
        assertEquals(3, names("q=" + TAG + "&age=40").size());
        assertEquals(List.of("Psihoterapija " + TAG), names("q=" + TAG + "&language=rom"));
        assertEquals(4, names("q=" + TAG + "&targetGroup=youth").size());
        assertEquals(1, names("q=" + TAG + "&intake=waitlist").size());
        assertEquals(0, names("q=" + TAG + "&targetGroup=children").size());
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker", roles = "case-worker")
    void unknownFiltersAreNamed() {
        given().get("/services?supportType=astrology").then().statusCode(400)
                .body("violations[0].field", equalTo("supportType"));
        given().get("/services?municipality=99999").then().statusCode(400)
                .body("violations[0].field", equalTo("municipality"));
        given().get("/services?intake=sometimes").then().statusCode(400);
        given().get("/services?age=500").then().statusCode(400);
        given().get("/services?size=1000").then().statusCode(400);
    }
}
