package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.cases.persistence.AuditRepository;
import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.chassis.problem.Problem;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
class CaseApiTest {

    static final String CSR = "00000000-0000-4000-8000-0000000000c1";
    static final String NGO = "00000000-0000-4000-8000-0000000000d2";

    static final String FAMILY = """
            {"municipalityCode": "10705", "vulnerabilities": ["risk_of_family_separation", "poverty"],
             "members": [
               {"role": "parent_or_guardian", "givenName": "Amra", "familyName": "Hodžić", "sex": "female", "birthDate": "1988-03-14"},
               {"role": "child", "givenName": "Emir", "familyName": "Hodžić", "sex": "male", "birthDate": "2015-09-02"},
               {"role": "child", "givenName": "Lejla", "familyName": "Hodžić", "sex": "female"}]}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    CaseRepository cases;

    @Inject
    AuditRepository audit;

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aCaseWorkerOpensACaseAndTheEventCarriesNoPersonalData() throws Exception {
        String id = given().contentType("application/json").body(FAMILY).post("/cases")
                .then().statusCode(201)
                .body("organizationId", equalTo(CSR))
                .body("status", equalTo("intake"))
                .body("members", hasSize(3))
                .extract().path("id");
        given().get("/cases/" + id).then().statusCode(200).body("members[0].familyName", equalTo("Hodžić"));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ConsumerRecord<String, String> record = kafka.consumeStrings()
                    .fromTopics(Topics.CASES, records -> records.select().where(r -> r.key().equals(id)))
                    .awaitRecords(1, Duration.ofSeconds(20)).getRecords().get(0);
            assertFalse(record.value().contains("Hodžić") || record.value().contains("Amra")
                    || record.value().contains("1988-03-14"), record.value());
            JsonNode event = json.readTree(record.value());
            assertEquals("ba.refnet.case.opened.v1", event.get("type").asText());
            assertEquals("confidential", event.get("dataclassification").asText());
            JsonNode members = event.get("data").get("members");
            assertEquals("adult", members.get(0).get("ageBand").asText());
            assertEquals("child", members.get(1).get("ageBand").asText());
            assertEquals("unknown", members.get(2).get("ageBand").asText());
        }
        long audited = QuarkusTransaction.requiringNew().call(() ->
                audit.count("recordId = ?1 and actor = ?2", UUID.fromString(id), "worker-csr"));
        assertEquals(2, audited, "opening and reading are both audited");
    }

    @Test
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void anotherOrganisationCannotSeeTheCase() {
        UUID foreign = QuarkusTransaction.requiringNew().call(() -> cases.find("organizationId", UUID.fromString(CSR))
                .firstResultOptional().map(c -> c.id()).orElse(null));
        String id = foreign != null ? foreign.toString() : UUID.randomUUID().toString();
        given().get("/cases/" + id).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get("/cases").then().statusCode(200).body("items.organizationId", org.hamcrest.Matchers.everyItem(equalTo(NGO)));
    }

    @Test
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void badIntakesAreRejectedWithTheFieldAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> cases.count());
        given().contentType("application/json").body("""
                {"members": [{"role": "cousin", "givenName": "A", "familyName": "B", "sex": "x", "birthDate": "2999-01-01"}],
                 "vulnerabilities": ["bad_luck"]}""").post("/cases")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("members[0].role"))
                .body("violations.field", hasItem("members[0].sex"))
                .body("violations.field", hasItem("members[0].birthDate"));
        given().contentType("application/json").body("""
                {"municipalityCode": "99999", "members": [{"role": "self", "givenName": "A", "familyName": "B", "sex": "male"}]}""")
                .post("/cases").then().statusCode(400).body("violations[0].field", equalTo("municipalityCode"));
        given().contentType("application/json").body("{\"members\": []}").post("/cases")
                .then().statusCode(400).body("violations.field", hasItem("members"));
        given().contentType("application/json").body("""
                {"members": [{"role": "self", "givenName": "A", "familyName": "B", "sex": "male", "birthDate": "2001-02-30"}]}""")
                .post("/cases").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("members[0].birthDate"));
        given().contentType("application/json").body("{\"members\": [{\"role\": \"self\"").post("/cases")
                .then().statusCode(400).body("title", equalTo("Malformed JSON"));
        given().contentType("application/json").body("""
                {"jmbg": "0101990170001", "members": [{"role": "self", "givenName": "A", "familyName": "B", "sex": "male"}]}""")
                .post("/cases").then().statusCode(400).body("detail", containsString("jmbg"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> cases.count()));
    }

    @Test
    @TestSecurity(user = "worker-without-org", roles = "case-worker")
    void aTokenWithoutOrganisationCannotOpenCases() {
        given().contentType("application/json").body(FAMILY).post("/cases")
                .then().statusCode(403).body("detail", containsString("org_id"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void anAnalystSeesNoCases() {
        given().get("/cases").then().statusCode(403);
        given().contentType("application/json").body(FAMILY).post("/cases").then().statusCode(403);
    }

    @Test
    void withoutATokenEverythingIsUnauthorised() {
        given().get("/cases").then().statusCode(401);
        given().get("/cases/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType("application/json").body(FAMILY).post("/cases").then().statusCode(401);
    }
}
