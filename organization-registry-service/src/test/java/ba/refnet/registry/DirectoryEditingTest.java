package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The full HSDS-shaped entry, edited by the organisation itself under optimistic concurrency; every change published. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryEditingTest {

    static final String ORG = "00000000-0000-4000-8000-0000000000a1";
    static final String OTHER = "00000000-0000-4000-8000-0000000000a2";
    static String serviceId;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    static String entry(String name, String registration, String taxId) {
        return """
                {"name": "%s", "alternateNames": ["Savjetovalište"], "legalForm": "ngo", "registrationNumber": "%s",
                 "taxId": "%s", "description": "Psihosocijalna podrška porodicama", "website": "https://savjet.example.ba",
                 "email": "info@savjet.example.ba", "phones": [{"number": "+387 36 555 200", "type": "voice"}],
                 "municipalityCode": "10705",
                 "locations": [{"name": "Ured", "street": "Kralja Tvrtka 5", "city": "Mostar", "postalCode": "88000",
                   "municipalityCode": "10705", "latitude": 43.34, "longitude": 17.81, "accessibility": "Lift",
                   "schedule": [{"weekday": "mo", "opens": "08:00", "closes": "16:00"}]}]}"""
                .formatted(name, registration, taxId);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "admin", roles = "network-admin")
    void aNetworkAdministratorRegistersTheFullEntry() {
        given().contentType("application/json").body(entry("Savjetovalište Mostar", "RU-100", "4200000000100")
                .replace("{\"name\"", "{\"id\": \"" + ORG + "\", \"name\"")).post("/organizations").then().statusCode(201)
                .body("locations[0].schedule[0].opens", equalTo("08:00"))
                .body("phones[0].number", equalTo("+387 36 555 200"));
        given().contentType("application/json").body(entry("Drugo udruženje", "RU-200", "4200000000200")
                .replace("{\"name\"", "{\"id\": \"" + OTHER + "\", \"name\"")).post("/organizations").then().statusCode(201);
        given().contentType("application/json").body(entry("Treće udruženje", "RU-100", "4200000000300"))
                .post("/organizations").then().statusCode(409).body("detail", containsString("registrationNumber"));
        given().contentType("application/json").body(entry("Treće udruženje", "RU-300", "4200000000100"))
                .post("/organizations").then().statusCode(409).body("detail", containsString("taxId"));
        given().contentType("application/json").body(entry("Loše", "RU-400", "12").replace("\"10705\"", "\"99999\"")
                        .replace("https://savjet.example.ba", "savjet").replace("+387 36 555 200", "zovi")
                        .replace("\"08:00\"", "\"8 sati\""))
                .post("/organizations").then().statusCode(400)
                .body("violations.field", hasItems("taxId", "website", "phones[0].number",
                        "locations[0].schedule[0].opens"));
        given().contentType("application/json").body(entry("Loše", "RU-400", "4200000000400").replace("\"10705\"", "\"99999\""))
                .post("/organizations").then().statusCode(400)
                .body("violations.field", hasItems("municipalityCode", "locations[0].municipalityCode"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "org-admin", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ORG))
    void theOrganisationKeepsItsOwnEntryAndServicesCurrent() {
        Response read = given().get("/organizations/" + ORG);
        String etag = read.getHeader("ETag");
        given().contentType("application/json").header("If-Match", etag)
                .body(entry("Savjetovalište Mostar – Centar", "RU-100", "4200000000100")).put("/organizations/" + ORG)
                .then().statusCode(200).body("name", equalTo("Savjetovalište Mostar – Centar"));
        given().contentType("application/json").header("If-Match", etag)
                .body(entry("Stara verzija", "RU-100", "4200000000100")).put("/organizations/" + ORG)
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType("application/json").body(entry("Tuđe", "RU-200", "4200000000200"))
                .put("/organizations/" + OTHER).then().statusCode(403);
        given().contentType("application/json").body(entry("Duplikat", "RU-200", "4200000000100"))
                .put("/organizations/" + ORG).then().statusCode(409);

        String location = given().get("/organizations/" + ORG).then().extract().path("locations[0].id");
        serviceId = given().contentType("application/json").body("""
                {"name": "Savjetovanje", "supportTypes": ["psychosocial.counselling"], "targetGroups": ["children"],
                 "minimumAge": 6, "maximumAge": 18, "languages": ["bs", "rom"], "areaCodes": ["BA-07"],
                 "locationIds": ["%s"], "contacts": [{"name": "Prijem", "email": "prijem@savjet.example.ba",
                 "phone": "+387 36 555 201", "referralIntake": true}], "intakeStatus": "accepting", "freePlaces": 3}"""
                .formatted(location)).post("/organizations/" + ORG + "/services").then().statusCode(201)
                .body("coveredMunicipalities", hasItem("10705"))
                .body("contacts[0].referralIntake", equalTo(true))
                .extract().path("id");
        given().contentType("application/json").body("""
                {"name": "X", "supportTypes": ["astrology"], "targetGroups": ["aliens"], "minimumAge": 18, "maximumAge": 6,
                 "areaCodes": ["BA-99"], "languages": ["Bosnian!"], "locationIds": ["00000000-0000-4000-8000-000000000000"]}""")
                .post("/organizations/" + ORG + "/services").then().statusCode(400)
                .body("violations.field", hasItems("supportTypes[0]", "targetGroups[0]", "maximumAge", "areaCodes[0]",
                        "languages[0]", "locationIds[0]"));
        Response service = given().get("/services/" + serviceId);
        given().contentType("application/json").header("If-Match", service.getHeader("ETag"))
                .body("{\"intakeStatus\": \"waitlist\", \"freePlaces\": 0}").put("/services/" + serviceId + "/intake")
                .then().statusCode(200).body("intakeStatus", equalTo("waitlist")).body("freePlaces", equalTo(0));
        given().contentType("application/json").header("If-Match", service.getHeader("ETag"))
                .body("{\"intakeStatus\": \"accepting\"}").put("/services/" + serviceId + "/intake").then().statusCode(412);
        given().contentType("application/json").body("{\"intakeStatus\": \"maybe\"}")
                .put("/services/" + serviceId + "/intake").then().statusCode(400);
        given().post("/services/" + serviceId + "/withdraw").then().statusCode(200).body("withdrawnAt", org.hamcrest.Matchers.notNullValue());
        given().post("/services/" + serviceId + "/withdraw").then().statusCode(409);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "admin", roles = "network-admin")
    void everyChangeIsPublishedAndDeactivationLeavesTheDirectory() {
        given().post("/organizations/" + OTHER + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        given().post("/organizations/" + OTHER + "/deactivate").then().statusCode(409);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<String> organisationTypes = kafka.consumeStrings()
                    .fromTopics(Topics.ORGANIZATIONS, r -> r.select().where(x -> x.key().equals(ORG) || x.key().equals(OTHER)))
                    .awaitRecords(4, Duration.ofSeconds(20)).getRecords().stream()
                    .map(r -> codec.parse(r.value()).getType()).sorted().toList();
            assertEquals(List.of("ba.refnet.organization.deactivated.v1", "ba.refnet.organization.registered.v1",
                    "ba.refnet.organization.registered.v1", "ba.refnet.organization.updated.v1"), organisationTypes);
            List<String> serviceTypes = kafka.consumeStrings()
                    .fromTopics(Topics.SERVICES, r -> r.select().where(x -> x.key().equals(serviceId)))
                    .awaitRecords(3, Duration.ofSeconds(20)).getRecords().stream()
                    .map(r -> codec.parse(r.value()).getType()).toList();
            assertEquals(List.of("ba.refnet.service.added.v1", "ba.refnet.service.intake-changed.v1",
                    "ba.refnet.service.withdrawn.v1"), serviceTypes);
        }
    }

    @Test
    @Order(4)
    @TestSecurity(user = "worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ORG))
    void caseWorkersReadButDoNotEdit() {
        given().get("/organizations/" + ORG).then().statusCode(200);
        given().contentType("application/json").body(entry("X", "RU-100", "4200000000100")).put("/organizations/" + ORG)
                .then().statusCode(403);
        given().contentType("application/json").body("{\"intakeStatus\": \"accepting\"}")
                .put("/services/" + serviceId + "/intake").then().statusCode(403);
    }
}
