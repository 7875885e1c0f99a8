package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.referral.NeedMet;
import ba.refnet.contracts.referral.Priority;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatus;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseReferralOutcomeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void theOutcomeOfAReferralComesBackToTheCase() {
        String caseId = given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().path("id");
        UUID referral = UUID.randomUUID();
        UUID ngo = UUID.fromString(CaseApiTest.NGO);
        UUID service = UUID.randomUUID();
        Instant requested = Instant.now().minusSeconds(7200);
        String completed = codec.serialize(codec.build(EventType.REFERRAL_COMPLETED, referral.toString(),
                new ReferralStatusChangedV1(referral, UUID.fromString(caseId), UUID.fromString(CaseApiTest.CSR), ngo,
                        service, List.of("psychosocial.counselling"), Priority.URGENT, ReferralStatus.IN_PROGRESS,
                        ReferralStatus.COMPLETED, null, NeedMet.FULLY, null, requested, Instant.now())));
        String requestedEvent = codec.serialize(codec.build(EventType.REFERRAL_REQUESTED, referral.toString(),
                new ReferralRequestedV1(referral, UUID.fromString(caseId), UUID.fromString(CaseApiTest.CSR), ngo,
                        service, List.of("psychosocial.counselling"), Priority.URGENT, "10705", List.of(), List.of(), List.of(),
                        requested)));
        UUID foreignCase = UUID.randomUUID();
        String elsewhere = codec.serialize(codec.build(EventType.REFERRAL_REQUESTED, foreignCase.toString(),
                new ReferralRequestedV1(UUID.randomUUID(), foreignCase, ngo, ngo, service, List.of("health"), Priority.ROUTINE,
                        null, List.of(), List.of(), List.of(), requested)));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            // the completion arrives before the request: the newest step must still win
            kafka.produceStrings().fromRecords(
                    EventRecords.cloudEvent(Topics.REFERRALS, referral.toString(), completed),
                    EventRecords.cloudEvent(Topics.REFERRALS, referral.toString(), requestedEvent),
                    EventRecords.cloudEvent(Topics.REFERRALS, foreignCase.toString(), elsewhere)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/cases/" + caseId + "/referrals")
                .then().extract().jsonPath().getList("$").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(given()
                .get("/cases/" + caseId + "/referrals").then().extract().path("[0].status")));
        given().get("/cases/" + caseId + "/referrals").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].needMet", equalTo("fully"))
                .body("[0].receivingOrganizationId", equalTo(CaseApiTest.NGO));
        given().get("/cases/" + UUID.randomUUID() + "/referrals").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void aRejectionKeepsItsReasonAndAStatusOfANewerProducerGoesToTheDeadLetterTopic() {
        String caseId = given().contentType("application/json").body(CaseApiTest.FAMILY).post("/cases")
                .then().statusCode(201).extract().path("id");
        UUID rejected = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        Instant requested = Instant.now().minusSeconds(600);
        String rejection = step(EventType.REFERRAL_REJECTED, rejected, caseId, ReferralStatus.REJECTED,
                "outside_service_area", requested);
        String paused = step(EventType.REFERRAL_HELD, unknown, caseId, ReferralStatus.ON_HOLD, null, requested)
                .replace("\"status\":\"on_hold\"", "\"status\":\"paused\"");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    EventRecords.cloudEvent(Topics.REFERRALS, unknown.toString(), paused),
                    EventRecords.cloudEvent(Topics.REFERRALS, rejected.toString(), rejection)).awaitCompletion();
            List<ConsumerRecord<String, String>> dead = kafka.consumeStrings()
                    .fromTopics(Topics.deadLetter("case-service"),
                            records -> records.select().where(r -> unknown.toString().equals(r.key())))
                    .awaitRecords(1, Duration.ofSeconds(30)).getRecords();
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("paused"), reason);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/cases/" + caseId + "/referrals")
                .then().extract().jsonPath().getList("$").size() == 1);
        given().get("/cases/" + caseId + "/referrals").then().statusCode(200)
                .body("[0].referralId", equalTo(rejected.toString()))
                .body("[0].status", equalTo("rejected"))
                .body("[0].reasonCode", equalTo("outside_service_area"));
    }

    private String step(EventType type, UUID referral, String caseId, ReferralStatus status, String reasonCode,
            Instant requested) {
        return codec.serialize(codec.build(type, referral.toString(), new ReferralStatusChangedV1(referral,
                UUID.fromString(caseId), UUID.fromString(CaseApiTest.CSR), UUID.fromString(CaseApiTest.NGO),
                UUID.randomUUID(), List.of("psychosocial.counselling"), Priority.ROUTINE, ReferralStatus.REQUESTED,
                status, reasonCode, null, null, requested, Instant.now())));
    }
}
