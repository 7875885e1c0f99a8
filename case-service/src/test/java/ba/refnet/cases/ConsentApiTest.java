package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.cases.service.ConsentExpiry;
import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.problem.Problem;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConsentApiTest {

    static final String CSR = CaseApiTest.CSR;
    static final String NGO = CaseApiTest.NGO;
    static final String COUNSELLING = "0a000000-0000-4000-8000-000000000003";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    @Inject
    ConsentExpiry expiry;

    private static JsonPath openFamily() {
        return given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().jsonPath();
    }

    private static String consent(String members, String givenBy, String method, String witness) {
        return """
                {"memberIds": [%s], "givenByMemberId": "%s", "childView": "Želim ići ako mama ide sa mnom.",
                 "purpose": "referral", "recipientOrganizationIds": ["%s"], "scope": ["identity", "contact", "needs"],
                 "method": "%s", "witness": %s, "expiresAt": "2099-01-01T00:00:00Z"}"""
                .formatted(members, givenBy, COUNSELLING, method, witness == null ? "null" : "\"" + witness + "\"");
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aParentConsentsForTheFamilyAndTheEventCarriesNoWords() {
        JsonPath family = openFamily();
        String caseId = family.getString("id");
        String mother = family.getString("members[0].id");
        String child = family.getString("members[1].id");
        String consentId = given().contentType("application/json")
                .body(consent("\"" + mother + "\", \"" + child + "\"", mother, "signed_form", null))
                .post("/cases/" + caseId + "/consents").then().statusCode(201)
                .body("purpose", equalTo("referral")).body("scope", equalTo(List.of("contact", "identity", "needs")))
                .extract().path("id");
        given().get("/cases/" + caseId + "/consents").then().statusCode(200).body("$", hasSize(1))
                .body("[0].childView", containsString("mama"));

        given().contentType("application/json").body("{\"reason\": \"Majka se predomislila\"}")
                .post("/cases/" + caseId + "/consents/" + consentId + "/withdraw")
                .then().statusCode(200).body("withdrawnAt", notNullValue());
        given().contentType("application/json").body("{\"reason\": \"opet\"}")
                .post("/cases/" + caseId + "/consents/" + consentId + "/withdraw").then().statusCode(409);

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.consumeStrings()
                    .fromTopics(Topics.CASES, r -> r.select().where(record -> record.key().equals(caseId)))
                    .awaitRecords(3, Duration.ofSeconds(20)).getRecords();
            assertEquals(List.of("ba.refnet.case.opened.v1", "ba.refnet.consent.given.v1",
                    "ba.refnet.consent.withdrawn.v1"), records.stream().map(r -> codec.parse(r.value()).getType()).toList());
            records.forEach(r -> assertFalse(r.value().contains("mama") || r.value().contains("predomislila")
                    || r.value().contains("Hodžić"), r.value()));
        }
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void consentRulesAreEnforced() {
        JsonPath family = openFamily();
        String caseId = family.getString("id");
        String mother = family.getString("members[0].id");
        String child = family.getString("members[1].id");
        given().contentType("application/json").body(consent("\"" + child + "\"", child, "signed_form", null))
                .post("/cases/" + caseId + "/consents").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("givenByMemberId"))
                .body("detail", containsString("parent or guardian"));
        given().contentType("application/json").body(consent("\"" + mother + "\"", mother, "verbal_with_witness", null))
                .post("/cases/" + caseId + "/consents").then().statusCode(400)
                .body("violations[0].field", equalTo("witness"));
        given().contentType("application/json").body(consent("\"" + UUID.randomUUID() + "\"", mother, "signed_form", null))
                .post("/cases/" + caseId + "/consents").then().statusCode(400)
                .body("violations[0].field", equalTo("memberIds"));
        given().contentType("application/json").body(consent("\"" + mother + "\"", mother, "telepathy", null))
                .post("/cases/" + caseId + "/consents").then().statusCode(400)
                .body("violations[0].field", equalTo("method"));
        given().contentType("application/json").body(consent("\"" + mother + "\"", mother, "signed_form", null)
                .replace("\"recipientOrganizationIds\": [\"" + COUNSELLING + "\"]", "\"recipientOrganizationIds\": []"))
                .post("/cases/" + caseId + "/consents").then().statusCode(400)
                .body("violations[0].field", equalTo("recipientOrganizationIds"));
        given().contentType("application/json").body(consent("\"" + mother + "\"", mother, "signed_form", null)
                .replace("2099-01-01", "2001-01-01")).post("/cases/" + caseId + "/consents").then().statusCode(400)
                .body("violations[0].field", equalTo("expiresAt"));
        given().contentType("application/json").body(consent("\"" + mother + "\"", mother, "verbal_with_witness", "Sanela K."))
                .post("/cases/" + caseId + "/consents").then().statusCode(201);
        given().get("/cases/" + caseId + "/consents").then().body("$", hasSize(1));
    }

    @Test
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void anotherOrganisationCannotSeeOrRecordConsents() {
        String foreignCase = UUID.randomUUID().toString();
        given().get("/cases/" + foreignCase + "/consents").then().statusCode(404);
        given().contentType("application/json").body(consent("\"" + UUID.randomUUID() + "\"", UUID.randomUUID().toString(),
                "signed_form", null)).post("/cases/" + foreignCase + "/consents").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aConsentPastItsExpiryIsAnnouncedOnce() {
        JsonPath family = openFamily();
        String caseId = family.getString("id");
        String parent = family.getString("members[0].id");
        String body = consent("\"" + parent + "\"", parent, "signed_form", null)
                .replace("\"expiresAt\": \"2099-01-01T00:00:00Z\"",
                        "\"givenAt\": \"2025-01-01T00:00:00Z\", \"expiresAt\": \"2025-06-01T00:00:00Z\"");
        String consentId = given().contentType("application/json").body(body).post("/cases/" + caseId + "/consents")
                .then().statusCode(201).extract().path("id");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<String> types = kafka.consumeStrings()
                    .fromTopics(Topics.CASES, r -> r.select().where(x -> x.key().equals(caseId)))
                    .awaitRecords(3, Duration.ofSeconds(20)).getRecords().stream()
                    .map(r -> codec.parse(r.value()).getType()).toList();
            assertEquals(List.of("ba.refnet.case.opened.v1", "ba.refnet.consent.given.v1",
                    "ba.refnet.consent.expired.v1"), types);
        }
        // announced once: the sweep runs every second in tests, and a later look finds nothing new
        assertEquals(0, expiry.sweep(java.time.Instant.now()));
        assertFalse(consentId.isBlank());
    }

    @Test
    void withoutATokenConsentsAreUnauthorised() {
        given().get("/cases/" + UUID.randomUUID() + "/consents").then().statusCode(401);
    }
}
