package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The owner proposes, the receiver answers: the two sides act in turn, as two organisations would. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferApiTest {

    static String acceptedCase;
    static String acceptedTransfer;
    static String declinedCase;
    static String declinedTransfer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    private static String open() {
        return given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().path("id");
    }

    private static String propose(String caseId, String to, int expected) {
        return given().contentType("application/json")
                .body("{\"toOrganizationId\": \"" + to + "\", \"reason\": \"Porodica se preselila u Sarajevo\"}")
                .post("/cases/" + caseId + "/transfers").then().statusCode(expected).extract().path("id");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void theOwnerProposesATransfer() {
        acceptedCase = open();
        acceptedTransfer = propose(acceptedCase, CaseApiTest.NGO, 201);
        propose(acceptedCase, CaseApiTest.NGO, 409);
        declinedCase = open();
        propose(declinedCase, CaseApiTest.CSR, 409);
        declinedTransfer = propose(declinedCase, CaseApiTest.NGO, 201);
        given().post("/transfers/" + acceptedTransfer + "/accept").then().statusCode(403);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.NGO))
    void theReceiverSeesNoDetailsUntilItAcceptsAndThenOwnsTheCase() {
        String body = given().get("/transfers/incoming").then().statusCode(200)
                .body("find { it.id == '" + acceptedTransfer + "' }.householdSize", equalTo(3))
                .extract().asString();
        assertFalse(body.contains("Hodžić"), "no names before acceptance");
        given().get("/cases/" + acceptedCase).then().statusCode(404);
        given().post("/transfers/" + acceptedTransfer + "/accept").then().statusCode(200)
                .body("status", equalTo("accepted"));
        given().post("/transfers/" + acceptedTransfer + "/accept").then().statusCode(409);
        given().get("/cases/" + acceptedCase).then().statusCode(200)
                .body("organizationId", equalTo(CaseApiTest.NGO)).body("assignedWorker", nullValue());
        given().contentType("application/json").body("{\"reason\": \"Nemamo kapaciteta\"}")
                .post("/transfers/" + declinedTransfer + "/decline").then().statusCode(200)
                .body("status", equalTo("declined")).body("declineReason", equalTo("Nemamo kapaciteta"));
        given().get("/cases/" + declinedCase).then().statusCode(404);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void theFormerOwnerNoLongerSeesTheCaseAndTheMoveIsPublished() {
        given().get("/cases/" + acceptedCase).then().statusCode(404);
        given().get("/cases/" + declinedCase).then().statusCode(200);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            String type = kafka.consumeStrings()
                    .fromTopics(Topics.CASES, r -> r.select().where(x -> x.key().equals(acceptedCase)))
                    .awaitRecords(2, Duration.ofSeconds(20)).getRecords().stream()
                    .map(r -> codec.parse(r.value()).getType()).toList().get(1);
            assertEquals("ba.refnet.case.ownership-transferred.v1", type);
        }
    }
}
