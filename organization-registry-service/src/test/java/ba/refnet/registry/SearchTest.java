package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.testsupport.Caller;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Finding where to refer: across scripts and diacritics, down the taxonomy, by the area a service covers. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SearchTest {

    static final Caller NETWORK_ADMIN = Caller.of("admin", "network-admin");
    static final String CELIC = "10302";
    static final String MOSTAR = "10705";
    static final String BANJA_LUKA = "20001";

    private static List<String> names(String query) {
        return given().get("/services?" + query).then().statusCode(200).extract().jsonPath().getList("items.name");
    }

    /**
     * An organisation in Čelić with four services, all named with a word no other test uses (returned), so that a
     * search with it sees only this directory.
     */
    private static String aSmallDirectory() {
        String tag = "zx" + UUID.randomUUID().toString().substring(0, 6);
        NETWORK_ADMIN.run(() -> {
            String org = given().contentType("application/json").body("""
                    {"name": "Udruženje Čelić %s", "legalForm": "ngo", "municipalityCode": "%s"}""".formatted(tag, CELIC))
                    .post("/organizations").then().statusCode(201).extract().path("id");
            service(org, "Savjetovanje za mlade " + tag, "psychosocial.counselling", "[\"BA-03\"]", 15, 29, "bs", "accepting");
            service(org, "Psihoterapija " + tag, "psychosocial.psychotherapy", "[\"" + CELIC + "\"]", null, null, "rom", "waitlist");
            service(org, "Pravna pomoć " + tag, "legal_aid", "[\"BA\"]", 18, null, "bs", "accepting");
            service(org, "Paketi hrane " + tag, "material.food_hygiene", "[\"BA-SRP\"]", null, null, "sr", "not_accepting");
        });
        return tag;
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
    @TestSecurity(user = "worker", roles = "case-worker")
    void textMeetsAcrossScriptsAndDiacritics() {
        String tag = aSmallDirectory();
        assertEquals(4, names("q=celic " + tag).size(), "Latin without diacritics finds the organisation's services");
        assertEquals(4, names("q=Челић " + tag).size(), "Cyrillic finds them too");
        assertEquals(List.of("Pravna pomoć " + tag), names("q=pravna pomoc " + tag));
        assertEquals(List.of("Psihoterapija " + tag), names("q=psihoter " + tag), "words match as prefixes");
        given().get("/organizations?q=Udruzenje Celic " + tag).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    @TestSecurity(user = "worker", roles = "case-worker")
    void aSupportTypeBringsTheTypesBelowIt() {
        String tag = aSmallDirectory();
        assertEquals(2, names("q=" + tag + "&supportType=psychosocial").size());
        assertEquals(List.of("Psihoterapija " + tag), names("q=" + tag + "&supportType=psychosocial.psychotherapy"));
        assertEquals(1, names("q=" + tag + "&supportType=material").size());
    }

    @Test
    @TestSecurity(user = "worker", roles = "case-worker")
    void aMunicipalityFindsTheServicesWhoseAreaCoversIt() {
        String tag = aSmallDirectory();
        assertEquals(3, names("q=" + tag + "&municipality=" + CELIC).size(), "its canton, itself and the whole country");
        assertEquals(1, names("q=" + tag + "&municipality=" + MOSTAR).size(), "only the country-wide one");
        assertEquals(2, names("q=" + tag + "&municipality=" + BANJA_LUKA).size(), "the entity and the country");
    }

    @Test
    @TestSecurity(user = "worker", roles = "case-worker")
    void ageLanguageTargetGroupAndIntakeNarrowTheList() {
        String tag = aSmallDirectory();
        assertEquals(3, names("q=" + tag + "&age=16").size(), "open ranges count as open");
        assertEquals(3, names("q=" + tag + "&age=40").size());
        assertEquals(List.of("Psihoterapija " + tag), names("q=" + tag + "&language=rom"));
        assertEquals(4, names("q=" + tag + "&targetGroup=youth").size());
        assertEquals(1, names("q=" + tag + "&intake=waitlist").size());
        assertEquals(0, names("q=" + tag + "&targetGroup=children").size());
    }

    @Test
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
