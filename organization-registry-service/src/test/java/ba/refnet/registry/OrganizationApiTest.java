package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.problem.Problem;
import ba.refnet.contracts.Topics;
import ba.refnet.registry.service.OrganizationDirectory;
import ba.refnet.testsupport.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OrganizationApiTest {

    static final String ADMIN_ORG = "00000000-0000-4000-8000-000000000001";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    OrganizationDirectory directory;

    static String registration(String name, String registrationNumber) {
        return """
                {"name": "%s", "legalForm": "ngo", "municipalityCode": "10705",
                 "email": "info@example.org", "registrationNumber": "%s"}""".formatted(name, registrationNumber);
    }

    static String register(String name) {
        return given().contentType("application/json").body(registration(name, UUID.randomUUID().toString().substring(0, 13)))
                .when().post("/organizations")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void aNetworkAdministratorRegistersAnOrganisationAndItsEventIsPublished() throws Exception {
        var response = given().contentType("application/json").body(registration("SOS Dječija sela BiH", "4200000000001"))
                .when().post("/organizations")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("legalForm", equalTo("ngo"))
                .extract();
        String id = response.path("id");
        assertTrue(response.header("Location").endsWith("/organizations/" + id));

        given().when().get("/organizations/" + id).then().statusCode(200).body("name", equalTo("SOS Dječija sela BiH"));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ConsumerRecord<String, String> record = kafka.consumeStrings()
                    .fromTopics(Topics.ORGANIZATIONS, records -> records.select().where(r -> r.key().equals(id)))
                    .awaitRecords(1, Duration.ofSeconds(20)).getRecords().get(0);
            JsonNode event = json.readTree(record.value());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("ba.refnet.organization.registered.v1", event.get("type").asText());
            assertEquals("/organization-registry-service", event.get("source").asText());
            assertEquals(id, event.get("subject").asText());
            assertEquals("public", event.get("dataclassification").asText());
            assertEquals(id, event.get("data").get("organizationId").asText());
            assertEquals("application/cloudevents+json",
                    new String(record.headers().lastHeader("content-type").value()));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void anOrganisationCanBeRegisteredUnderTheIdItHasInKeycloakOnce() {
        String id = UUID.randomUUID().toString();
        given().contentType("application/json").body("{\"id\": \"" + id + "\", \"name\": \"Dom zdravlja\", \"legalForm\": \"health_centre\"}")
                .post("/organizations").then().statusCode(201).body("id", equalTo(id));
        given().contentType("application/json").body("{\"id\": \"" + id + "\", \"name\": \"Dom zdravlja 2\", \"legalForm\": \"health_centre\"}")
                .post("/organizations").then().statusCode(409).contentType(Problem.MEDIA_TYPE);
        given().get("/organizations/" + id).then().body("name", equalTo("Dom zdravlja"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void aDuplicateRegistrationNumberIsAConflictAndStoresNothing() {
        given().contentType("application/json").body(registration("Duplikat prvi", "DUP-1")).post("/organizations")
                .then().statusCode(201);
        given().contentType("application/json").body(registration("Duplikat drugi", "DUP-1")).post("/organizations")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("detail", containsString("DUP-1"));
        given().get("/organizations?q=Duplikat drugi").then().body("totalItems", equalTo(0));
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void badBodiesGetProblemDetailsThatNameTheFieldAndStoreNothing() {
        given().contentType("application/json").body("{\"name\": \"Broken\", ").post("/organizations")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Malformed JSON"));
        given().contentType("application/json")
                .body("{\"name\": \"Extra\", \"legalForm\": \"ngo\", \"director\": \"Amra\"}").post("/organizations")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("director"));
        given().contentType("application/json")
                .body("{\"name\": \" \", \"legalForm\": \"ngo\", \"email\": \"not-an-email\", \"municipalityCode\": \"x\"}")
                .post("/organizations")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("municipalityCode"));
        given().contentType("application/json").body("{\"name\": \"Kiosk\", \"legalForm\": \"kiosk\"}")
                .post("/organizations")
                .then().statusCode(400).body("violations[0].field", equalTo("legalForm"))
                .body("detail", containsString("centre_for_social_work"));
        given().contentType("application/json").body("x".repeat(9 * 1024 * 1024)).post("/organizations")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("detail", containsString("8192 KiB"));
        for (String name : new String[] {"Broken", "Extra", "Kiosk"}) {
            given().get("/organizations?q=" + name).then().body("totalItems", equalTo(0));
        }
        given().get("/organizations/" + UUID.randomUUID()).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get("/organizations?size=1000").then().statusCode(400).body("violations[0].field", equalTo("size"));
        String body = given().get("/organizations/not-a-uuid").then().statusCode(404).extract().asString();
        assertFalse(body.contains("Exception"), body);
    }

    @Test
    void withoutATokenEverythingIsUnauthorised() {
        given().get("/organizations").then().statusCode(401);
        given().contentType("application/json").body(registration("Anon", "ANON-1")).post("/organizations")
                .then().statusCode(401);
        given().get("/support-types").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ADMIN_ORG))
    void aCaseWorkerReadsTheDirectoryButCannotRegister() {
        given().get("/organizations").then().statusCode(200).body("page", equalTo(0));
        given().get("/support-types").then().statusCode(200).body("code", hasItem("psychosocial.counselling"));
        given().contentType("application/json").body(registration("Nope", "NOPE-1")).post("/organizations")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void servicesNeedKnownSupportTypes() {
        String org = register("Porodično savjetovalište");
        String service = given().contentType("application/json")
                .body("{\"name\": \"Savjetovanje\", \"supportTypes\": [\"psychosocial.counselling\"]}")
                .post("/organizations/" + org + "/services")
                .then().statusCode(201).body("intakeStatus", equalTo("accepting")).body("status", equalTo("active"))
                .extract().path("id");
        given().get("/services/" + service).then().statusCode(200).body("organizationId", equalTo(org));
        given().get("/organizations/" + org + "/services").then().body("totalItems", equalTo(1));
        given().contentType("application/json")
                .body("{\"name\": \"Magija\", \"supportTypes\": [\"magic\"]}")
                .post("/organizations/" + org + "/services")
                .then().statusCode(400).body("violations[0].field", equalTo("supportTypes[0]"))
                .body("detail", containsString("magic"));
        given().contentType("application/json")
                .body("{\"name\": \"Prazno\", \"supportTypes\": []}")
                .post("/organizations/" + org + "/services")
                .then().statusCode(400);
        given().get("/organizations/" + org + "/services").then().body("totalItems", equalTo(1));
    }

    @Test
    @TestSecurity(user = "orgadmin", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ADMIN_ORG))
    void anOrganisationAdministratorCannotAddServicesToAnotherOrganisation() {
        String other = directory.register(null, new OrganizationDirectory.OrganizationInput("Druga organizacija", null,
                "ngo", null, null, null, null, null, null, null, null, null)).id().toString();
        given().contentType("application/json")
                .body("{\"name\": \"Tuđa usluga\", \"supportTypes\": [\"health\"]}")
                .post("/organizations/" + other + "/services")
                .then().statusCode(403).body("detail", notNullValue());
        given().get("/organizations/" + other + "/services").then().body("totalItems", equalTo(0));
    }
}
