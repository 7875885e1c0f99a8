package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConferenceApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    static String conference(String heldOn, int children, int parents, int extended, String outcome) {
        return """
                {"heldOn": "%s", "coordinator": "Nermina Konferić", "children": %d, "parents": %d,
                 "extendedFamily": %d, "professionals": 2, "decisions": "Baka preuzima brigu popodne",
                 "familyPlan": "Raspored brige", "outcome": "%s"}""".formatted(heldOn, children, parents, extended, outcome);
    }

    @Test
    @TestSecurity(user = "worker-pgk", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void aConferenceIsRecordedAndCountedWithoutItsWords() {
        String caseId = given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().path("id");
        String today = LocalDate.now().toString();
        JsonPath recorded = given().contentType("application/json").body(conference(today, 2, 1, 5, "plan_agreed"))
                .post("/cases/" + caseId + "/conferences").then().statusCode(201)
                .body("outcome", equalTo("plan_agreed")).body("droppedOut", equalTo(false)).extract().jsonPath();
        String conferenceId = recorded.getString("id");
        given().contentType("application/json").body("{\"reasonCode\": \"family_withdrew\"}")
                .post("/cases/" + caseId + "/conferences/" + conferenceId + "/drop-out").then().statusCode(200)
                .body("droppedOut", equalTo(true)).body("dropOutReason", equalTo("family_withdrew"));
        given().contentType("application/json").body("{\"reasonCode\": \"family_withdrew\"}")
                .post("/cases/" + caseId + "/conferences/" + conferenceId + "/drop-out").then().statusCode(409);
        given().get("/cases/" + caseId + "/conferences").then().statusCode(200).body("$", hasSize(1))
                .body("[0].extendedFamily", equalTo(5));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.consumeStrings()
                    .fromTopics(Topics.CASES, r -> r.select().where(x -> x.key().equals(caseId)))
                    .awaitRecords(3, Duration.ofSeconds(20)).getRecords();
            assertEquals(List.of("ba.refnet.case.opened.v1", "ba.refnet.conference.held.v1",
                    "ba.refnet.conference.dropped-out.v1"),
                    records.stream().map(r -> codec.parse(r.value()).getType()).toList());
            JsonPath held = new JsonPath(records.get(1).value());
            assertEquals(5, held.getInt("data.extendedFamily"));
            assertEquals(today, held.getString("data.heldOn"));
            records.forEach(r -> assertFalse(r.value().contains("Baka") || r.value().contains("Nermina"), r.value()));
        }
    }

    @Test
    @TestSecurity(user = "worker-pgk", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void impossibleConferencesAreRefused() {
        String caseId = given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().path("id");
        String url = "/cases/" + caseId + "/conferences";
        given().contentType("application/json").body(conference(LocalDate.now().plusDays(3).toString(), 1, 1, 1,
                "plan_agreed")).post(url).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("heldOn"));
        given().contentType("application/json").body(conference("2026-01-01", 0, 0, 0, "plan_agreed")).post(url)
                .then().statusCode(400).body("violations[0].field", equalTo("participants"));
        given().contentType("application/json").body(conference("2026-01-01", 1, -1, 0, "plan_agreed")).post(url)
                .then().statusCode(400);
        given().contentType("application/json").body(conference("2026-01-01", 1, 1, 0, "great")).post(url)
                .then().statusCode(400).body("violations[0].field", equalTo("outcome"));
        given().get(url).then().body("$", hasSize(0));
    }
}
