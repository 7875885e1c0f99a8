package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.Caller;
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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The full HSDS-shaped entry, edited by the organisation itself under optimistic concurrency; every change published. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DirectoryEditingTest {

    /** The organisations whose own people act in a test: one for each such test, as the token's claim is fixed. */
    static final String EDITING_ORG = "00000000-0000-4000-8000-0000000000a1";
    static final String EDITING_ORGS_NEIGHBOUR = "00000000-0000-4000-8000-0000000000a2";
    static final String READING_ORG = "00000000-0000-4000-8000-0000000000a3";

    static final Caller NETWORK_ADMIN = Caller.of("admin", "network-admin");

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

    /** A registration and a tax number no other test uses: the directory holds each only once. */
    record Numbers(String registration, String taxId) {
        static Numbers fresh() {
            long n = ThreadLocalRandom.current().nextLong(100_000_000_000L);
            return new Numbers("RU-" + n, "42" + "%011d".formatted(n));
        }
    }

    private static String withId(String id, String entry) {
        return entry.replace("{\"name\"", "{\"id\": \"" + id + "\", \"name\"");
    }

    private static String register(String id, String name, Numbers numbers) {
        return NETWORK_ADMIN.call(() -> given().contentType("application/json")
                .body(withId(id, entry(name, numbers.registration(), numbers.taxId()))).post("/organizations").then()
                .statusCode(201).extract().path("id"));
    }

    private static Caller adminOf(String organization) {
        return Caller.of("org-admin", "org-admin", organization);
    }

    private static String counsellingAt(String organization, String location) {
        return given().contentType("application/json").body("""
                {"name": "Savjetovanje", "supportTypes": ["psychosocial.counselling"], "targetGroups": ["children"],
                 "minimumAge": 6, "maximumAge": 18, "languages": ["bs", "rom"], "areaCodes": ["BA-07"],
                 "locationIds": ["%s"], "contacts": [{"name": "Prijem", "email": "prijem@savjet.example.ba",
                 "phone": "+387 36 555 201", "referralIntake": true}], "intakeStatus": "accepting", "freePlaces": 3}"""
                .formatted(location)).post("/organizations/" + organization + "/services").then().statusCode(201)
                .body("coveredMunicipalities", hasItem("10705"))
                .body("contacts[0].referralIntake", equalTo(true))
                .extract().path("id");
    }

    /** The organisation's administrator adds a counselling service at the organisation's office. */
    private static String aServiceOf(String organization) {
        return adminOf(organization).call(() -> counsellingAt(organization, given().get("/organizations/" + organization)
                .then().extract().path("locations[0].id")));
    }

    /** The organisation renames itself once, and runs a service from its addition to its withdrawal. */
    private static String anEntryKeptCurrent(String organization, Numbers numbers) {
        return adminOf(organization).call(() -> {
            given().contentType("application/json").header("If-Match", given().get("/organizations/" + organization)
                            .getHeader("ETag"))
                    .body(entry("Savjetovalište Mostar – Centar", numbers.registration(), numbers.taxId()))
                    .put("/organizations/" + organization).then().statusCode(200);
            String service = counsellingAt(organization, given().get("/organizations/" + organization).then()
                    .extract().path("locations[0].id"));
            given().contentType("application/json").header("If-Match", given().get("/services/" + service)
                            .getHeader("ETag"))
                    .body("{\"intakeStatus\": \"waitlist\", \"freePlaces\": 0}").put("/services/" + service + "/intake")
                    .then().statusCode(200);
            given().post("/services/" + service + "/withdraw").then().statusCode(200);
            return service;
        });
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void aNetworkAdministratorRegistersTheFullEntry() {
        Numbers first = Numbers.fresh();
        Numbers second = Numbers.fresh();
        Numbers third = Numbers.fresh();
        given().contentType("application/json").body(withId(UUID.randomUUID().toString(), entry("Savjetovalište Mostar",
                first.registration(), first.taxId()))).post("/organizations").then().statusCode(201)
                .body("locations[0].schedule[0].opens", equalTo("08:00"))
                .body("phones[0].number", equalTo("+387 36 555 200"));
        given().contentType("application/json").body(withId(UUID.randomUUID().toString(), entry("Drugo udruženje",
                second.registration(), second.taxId()))).post("/organizations").then().statusCode(201);
        given().contentType("application/json").body(entry("Treće udruženje", first.registration(), third.taxId()))
                .post("/organizations").then().statusCode(409).body("detail", containsString("registrationNumber"));
        given().contentType("application/json").body(entry("Treće udruženje", third.registration(), first.taxId()))
                .post("/organizations").then().statusCode(409).body("detail", containsString("taxId"));
        Numbers bad = Numbers.fresh();
        given().contentType("application/json").body(entry("Loše", bad.registration(), "12").replace("\"10705\"", "\"99999\"")
                        .replace("https://savjet.example.ba", "savjet").replace("+387 36 555 200", "zovi")
                        .replace("\"08:00\"", "\"8 sati\""))
                .post("/organizations").then().statusCode(400)
                .body("violations.field", hasItems("taxId", "website", "phones[0].number",
                        "locations[0].schedule[0].opens"));
        given().contentType("application/json").body(entry("Loše", bad.registration(), bad.taxId())
                        .replace("\"10705\"", "\"99999\""))
                .post("/organizations").then().statusCode(400)
                .body("violations.field", hasItems("municipalityCode", "locations[0].municipalityCode"));
    }

    @Test
    @TestSecurity(user = "org-admin", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = EDITING_ORG))
    void theOrganisationKeepsItsOwnEntryAndServicesCurrent() {
        Numbers own = Numbers.fresh();
        Numbers neighbours = Numbers.fresh();
        String org = register(EDITING_ORG, "Savjetovalište Mostar", own);
        String other = register(EDITING_ORGS_NEIGHBOUR, "Drugo udruženje", neighbours);
        Response read = given().get("/organizations/" + org);
        String etag = read.getHeader("ETag");
        given().contentType("application/json").header("If-Match", etag)
                .body(entry("Savjetovalište Mostar – Centar", own.registration(), own.taxId())).put("/organizations/" + org)
                .then().statusCode(200).body("name", equalTo("Savjetovalište Mostar – Centar"));
        given().contentType("application/json").header("If-Match", etag)
                .body(entry("Stara verzija", own.registration(), own.taxId())).put("/organizations/" + org)
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType("application/json").body(entry("Tuđe", neighbours.registration(), neighbours.taxId()))
                .put("/organizations/" + other).then().statusCode(403);
        given().contentType("application/json").body(entry("Duplikat", neighbours.registration(), own.taxId()))
                .put("/organizations/" + org).then().statusCode(409);

        String location = given().get("/organizations/" + org).then().extract().path("locations[0].id");
        String serviceId = counsellingAt(org, location);
        given().contentType("application/json").body("""
                {"name": "X", "supportTypes": ["astrology"], "targetGroups": ["aliens"], "minimumAge": 18, "maximumAge": 6,
                 "areaCodes": ["BA-99"], "languages": ["Bosnian!"], "locationIds": ["00000000-0000-4000-8000-000000000000"]}""")
                .post("/organizations/" + org + "/services").then().statusCode(400)
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
        given().post("/services/" + serviceId + "/withdraw").then().statusCode(200).body("withdrawnAt", notNullValue());
        given().post("/services/" + serviceId + "/withdraw").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void everyChangeIsPublishedAndDeactivationLeavesTheDirectory() {
        Numbers numbers = Numbers.fresh();
        String org = register(UUID.randomUUID().toString(), "Savjetovalište Mostar", numbers);
        String other = register(UUID.randomUUID().toString(), "Drugo udruženje", Numbers.fresh());
        String serviceId = anEntryKeptCurrent(org, numbers);
        given().post("/organizations/" + other + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        given().post("/organizations/" + other + "/deactivate").then().statusCode(409);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<String> organisationTypes = kafka.consumeStrings()
                    .fromTopics(Topics.ORGANIZATIONS, r -> r.select().where(x -> x.key().equals(org) || x.key().equals(other)))
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
    @TestSecurity(user = "worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = READING_ORG))
    void caseWorkersReadButDoNotEdit() {
        Numbers numbers = Numbers.fresh();
        String org = register(READING_ORG, "Savjetovalište Mostar", numbers);
        String serviceId = aServiceOf(org);
        given().get("/organizations/" + org).then().statusCode(200);
        given().contentType("application/json").body(entry("X", numbers.registration(), numbers.taxId()))
                .put("/organizations/" + org).then().statusCode(403);
        given().contentType("application/json").body("{\"intakeStatus\": \"accepting\"}")
                .put("/services/" + serviceId + "/intake").then().statusCode(403);
    }
}
