package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.Caller;
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
import org.junit.jupiter.api.Test;

/** The owner proposes, the receiver answers: the two sides act in turn, as two organisations would. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TransferApiTest {

    static final Caller OWNER = Caller.of("worker-csr", "case-worker", CaseApiTest.CSR);
    static final Caller RECEIVER = Caller.of("worker-ngo", "case-worker", CaseApiTest.NGO);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    record Transfer(String caseId, String id) {
    }

    private static String open() {
        return given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().path("id");
    }

    private static String propose(String caseId, String to, int expected) {
        return given().contentType("application/json")
                .body("{\"toOrganizationId\": \"" + to + "\", \"reason\": \"Porodica se preselila u Sarajevo\"}")
                .post("/cases/" + caseId + "/transfers").then().statusCode(expected).extract().path("id");
    }

    /** A case of the centre for social work, proposed to the NGO. */
    private static Transfer aProposedTransfer() {
        return OWNER.call(() -> {
            String caseId = open();
            return new Transfer(caseId, propose(caseId, CaseApiTest.NGO, 201));
        });
    }

    private static void accept(Transfer transfer) {
        RECEIVER.run(() -> given().post("/transfers/" + transfer.id() + "/accept").then().statusCode(200));
    }

    private static void decline(Transfer transfer) {
        RECEIVER.run(() -> given().contentType("application/json").body("{\"reason\": \"Nemamo kapaciteta\"}")
                .post("/transfers/" + transfer.id() + "/decline").then().statusCode(200));
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void theOwnerProposesATransfer() {
        String acceptedCase = open();
        String acceptedTransfer = propose(acceptedCase, CaseApiTest.NGO, 201);
        propose(acceptedCase, CaseApiTest.NGO, 409);
        String declinedCase = open();
        propose(declinedCase, CaseApiTest.CSR, 409);
        propose(declinedCase, CaseApiTest.NGO, 201);
        given().post("/transfers/" + acceptedTransfer + "/accept").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.NGO))
    void theReceiverSeesNoDetailsUntilItAcceptsAndThenOwnsTheCase() {
        Transfer accepted = aProposedTransfer();
        Transfer declined = aProposedTransfer();
        String body = given().get("/transfers/incoming").then().statusCode(200)
                .body("find { it.id == '" + accepted.id() + "' }.householdSize", equalTo(3))
                .extract().asString();
        assertFalse(body.contains("Hodžić"), "no names before acceptance");
        given().get("/cases/" + accepted.caseId()).then().statusCode(404);
        given().post("/transfers/" + accepted.id() + "/accept").then().statusCode(200)
                .body("status", equalTo("accepted"));
        given().post("/transfers/" + accepted.id() + "/accept").then().statusCode(409);
        given().get("/cases/" + accepted.caseId()).then().statusCode(200)
                .body("organizationId", equalTo(CaseApiTest.NGO)).body("assignedWorker", nullValue());
        given().contentType("application/json").body("{\"reason\": \"Nemamo kapaciteta\"}")
                .post("/transfers/" + declined.id() + "/decline").then().statusCode(200)
                .body("status", equalTo("declined")).body("declineReason", equalTo("Nemamo kapaciteta"));
        given().get("/cases/" + declined.caseId()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void theFormerOwnerNoLongerSeesTheCaseAndTheMoveIsPublished() {
        Transfer accepted = aProposedTransfer();
        Transfer declined = aProposedTransfer();
        accept(accepted);
        decline(declined);
        given().get("/cases/" + accepted.caseId()).then().statusCode(404);
        given().get("/cases/" + declined.caseId()).then().statusCode(200);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            String type = kafka.consumeStrings()
                    .fromTopics(Topics.CASES, r -> r.select().where(x -> x.key().equals(accepted.caseId())))
                    .awaitRecords(2, Duration.ofSeconds(20)).getRecords().stream()
                    .map(r -> codec.parse(r.value()).getType()).toList().get(1);
            assertEquals("ba.refnet.case.ownership-transferred.v1", type);
        }
    }
}
