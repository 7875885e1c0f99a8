package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.cases.domain.CaseNote;
import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.problem.Problem;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseManagementApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    @Inject
    EntityManager em;

    private static void step(String caseId, String status, int expected) {
        given().contentType("application/json").body("{\"status\": \"" + status + "\", \"note\": \"Napomena o koraku\"}")
                .post("/cases/" + caseId + "/status").then().statusCode(expected);
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void aCaseWorkerTakesAFamilyFromIntakeToClosureAndBack() {
        String caseId = given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"worker\": \"amela.centric\"}")
                .put("/cases/" + caseId + "/assignment").then().statusCode(200)
                .body("assignedWorker", equalTo("amela.centric"));
        step(caseId, "assessment", 200);
        step(caseId, "planning", 409);
        given().contentType("application/json").body("""
                {"strengths": "Bliska proširena porodica", "risks": "Nezaposlenost, dugovi",
                 "needs": ["economic", "psychosocial.counselling"]}""")
                .post("/cases/" + caseId + "/assessments").then().statusCode(201);
        step(caseId, "planning", 200);
        step(caseId, "active", 409);
        given().contentType("application/json").body("""
                {"goal": "Stabilni prihodi", "action": "Prijava na biro i jednokratna pomoć",
                 "responsibleOrganizationId": "%s", "dueDate": "%s"}""".formatted(CaseApiTest.CSR,
                        LocalDate.now().plusMonths(2)))
                .post("/cases/" + caseId + "/plan").then().statusCode(201);
        given().contentType("application/json").body("""
                {"goal": "x", "action": "y", "responsibleOrganizationId": "%s", "dueDate": "2001-01-01"}"""
                .formatted(CaseApiTest.CSR)).post("/cases/" + caseId + "/plan").then().statusCode(400)
                .body("violations[0].field", equalTo("dueDate"));
        step(caseId, "active", 200);
        step(caseId, "review", 200);
        step(caseId, "active", 200);
        given().header("If-Match", "\"1\"").contentType("application/json").body("{\"reasonCode\": \"goals_achieved\"}")
                .post("/cases/" + caseId + "/close").then().statusCode(412);
        given().contentType("application/json").body("{\"reasonCode\": \"bored\"}")
                .post("/cases/" + caseId + "/close").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("{\"reasonCode\": \"goals_achieved\", \"note\": \"Porodica stabilna\"}")
                .post("/cases/" + caseId + "/close").then().statusCode(200)
                .body("status", equalTo("closed")).body("closureReason", equalTo("goals_achieved"));
        step(caseId, "active", 409);
        given().contentType("application/json").body("{\"reason\": \"Ponovo bez prihoda\"}")
                .post("/cases/" + caseId + "/reopen").then().statusCode(200).body("status", equalTo("assessment"));
        given().get("/cases/" + caseId + "/history").then().statusCode(200)
                .body("to", equalTo(List.of("assessment", "planning", "active", "review", "active", "closed",
                        "assessment")));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.consumeStrings()
                    .fromTopics(Topics.CASES, r -> r.select().where(x -> x.key().equals(caseId)))
                    .awaitRecords(8, Duration.ofSeconds(20)).getRecords();
            assertEquals("ba.refnet.case.closed.v1", codec.parse(records.get(6).value()).getType());
            assertEquals("ba.refnet.case.reopened.v1", codec.parse(records.get(7).value()).getType());
            records.forEach(r -> assertFalse(r.value().contains("Napomena") || r.value().contains("stabilna"),
                    "notes stay in the service"));
        }
    }

    @Test
    @TestSecurity(user = "colleague-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void restrictedNotesStayWithTheirAuthor() {
        String caseId = given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"text\": \"Timska bilješka\"}")
                .post("/cases/" + caseId + "/notes").then().statusCode(201).body("visibility", equalTo("team"));
        given().contentType("application/json").body("{\"text\": \"x\", \"visibility\": \"everyone\"}")
                .post("/cases/" + caseId + "/notes").then().statusCode(400);
        QuarkusTransaction.requiringNew().run(() -> em.persist(new CaseNote(UUID.fromString(caseId),
                "Povjerljivo: sumnja na nasilje", CaseNote.Visibility.AUTHOR_ONLY, "worker-csr", Instant.now())));
        given().get("/cases/" + caseId + "/notes").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].text", containsString("Timska"));
    }

    @Test
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.NGO))
    void anotherOrganisationCannotManageTheCase() {
        String foreign = UUID.randomUUID().toString();
        step(foreign, "assessment", 404);
        given().get("/cases/" + foreign + "/notes").then().statusCode(404);
        given().get("/cases/" + foreign + "/history").then().statusCode(404);
    }
}
