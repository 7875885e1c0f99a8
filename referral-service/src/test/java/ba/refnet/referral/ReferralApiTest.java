package ba.refnet.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.persistence.BoundedCount;
import ba.refnet.chassis.problem.Problem;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.persistence.ReferralRepository;
import ba.refnet.testsupport.RealInfrastructure;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReferralApiTest {

    static final String CSR = "00000000-0000-4000-8000-0000000000c1";
    static final String NGO = "00000000-0000-4000-8000-0000000000d2";
    static final String SCHOOL = "00000000-0000-4000-8000-0000000000e3";
    /** Sends more referrals than a worklist counts; no other test uses it. */
    static final String BUSY_SENDER = "00000000-0000-4000-8000-0000000000f5";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    @Inject
    LocalCopies copies;

    @Inject
    ReferralRepository referrals;

    UUID caseId;
    UUID serviceId;
    UUID fullServiceId;

    /** Each test gets its own case of the CSR and services of the NGO, announced over Kafka as the real services do. */
    @BeforeEach
    void announceCaseAndServices() {
        caseId = copies.caseOf(LocalCopies.CSR);
        serviceId = copies.service(LocalCopies.NGO, "accepting", "psychosocial.counselling");
        fullServiceId = copies.service(LocalCopies.NGO, "not_accepting", "shelter");
    }

    private Referral storedReferral() {
        return copies.requestedReferral();
    }

    private static String body(UUID caseId, UUID serviceId, String priority) {
        return """
                {"caseId": "%s", "serviceId": "%s", "priority": "%s",
                 "reason": "Majka traži savjetovanje nakon nasilja u porodici"}""".formatted(caseId, serviceId, priority);
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void theCaseOwnerSendsAReferralAndTheEventCarriesNoFreeText() {
        String id = given().contentType("application/json").body(body(caseId, serviceId, "urgent"))
                .post("/referrals")
                .then().statusCode(201)
                .body("status", equalTo("requested"))
                .body("receivingOrganizationId", equalTo(NGO))
                .body("supportTypes", hasItem("psychosocial.counselling"))
                .body("history[0].to", equalTo("requested"))
                .extract().path("id");
        given().get("/referrals?direction=outgoing").then().statusCode(200).body("items.id", hasItem(id));

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ConsumerRecord<String, String> record = kafka.consumeStrings()
                    .fromTopics(Topics.REFERRALS, records -> records.select().where(r -> r.key().equals(id)))
                    .awaitRecords(1, Duration.ofSeconds(20)).getRecords().get(0);
            assertFalse(record.value().contains("nasilja"), "the reason is free text and stays in the service");
            assertEquals(EventType.REFERRAL_REQUESTED.type(), codec.parse(record.value()).getType());
        }
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void badReferralsAreRefusedAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> referrals.count());
        given().contentType("application/json").body(body(caseId, UUID.randomUUID(), "urgent")).post("/referrals")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("violations[0].field", equalTo("serviceId"));
        given().contentType("application/json").body(body(UUID.randomUUID(), serviceId, "urgent")).post("/referrals")
                .then().statusCode(400).body("violations[0].field", equalTo("caseId"));
        given().contentType("application/json").body(body(caseId, serviceId, "whenever")).post("/referrals")
                .then().statusCode(400).body("violations[0].field", equalTo("priority"));
        given().contentType("application/json").body(body(caseId, fullServiceId, "routine")).post("/referrals")
                .then().statusCode(409).body("detail", containsString("not_accepting"));
        given().contentType("application/json").body("{\"caseId\": \"" + caseId + "\", \"serviceId\": 7}")
                .post("/referrals").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body("{\"caseId\": \"not-a-uuid\"}")
                .post("/referrals").then().statusCode(400).body("violations[0].field", equalTo("caseId"));
        given().contentType("application/json").body("{").post("/referrals").then().statusCode(400);
        given().post("/referrals/" + UUID.randomUUID() + "/accept").then().statusCode(404);
        given().get("/referrals?direction=sideways").then().statusCode(400);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> referrals.count()));
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void theReceiverAcceptsOnceWithTheCurrentVersion() {
        Referral referral = storedReferral();
        given().get("/referrals?direction=incoming").then().body("items.id", hasItem(referral.id().toString()));
        given().header("If-Match", "\"7\"").post("/referrals/" + referral.id() + "/accept")
                .then().statusCode(412).contentType(Problem.MEDIA_TYPE);
        given().get("/referrals/" + referral.id()).then().body("status", equalTo("requested"));

        given().header("If-Match", "\"0\"").post("/referrals/" + referral.id() + "/accept")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("accepted"))
                .body("history[1].actor", equalTo("ngo-worker"));
        given().post("/referrals/" + referral.id() + "/accept")
                .then().statusCode(409).body("detail", equalTo("cannot go from accepted to accepted"));
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void theSenderCannotAcceptItsOwnReferral() {
        Referral referral = storedReferral();
        given().post("/referrals/" + referral.id() + "/accept").then().statusCode(403)
                .body("detail", containsString("receiving organisation"));
        given().get("/referrals/" + referral.id()).then().statusCode(200).body("status", equalTo("requested"));
    }

    @Test
    @TestSecurity(user = "school-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = SCHOOL))
    void aThirdOrganisationDoesNotSeeTheReferral() {
        Referral referral = storedReferral();
        given().get("/referrals/" + referral.id()).then().statusCode(404);
        given().post("/referrals/" + referral.id() + "/accept").then().statusCode(404);
        given().get("/referrals?direction=incoming").then().body("totalItems", equalTo(0));
    }

    @Test
    @TestSecurity(user = "busy-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = BUSY_SENDER))
    void aWorklistLongerThanTheCountSaysItsTotalIsALowerBound() {
        copies.requestedReferrals(UUID.fromString(BUSY_SENDER), BoundedCount.LIMIT + 1);
        given().get("/referrals?direction=outgoing&size=100").then().statusCode(200)
                .body("items.size()", equalTo(100))
                .body("totalItems", equalTo(BoundedCount.LIMIT))
                .body("totalPages", equalTo(BoundedCount.LIMIT / 100))
                .body("totalItemsExact", equalTo(false));
        given().get("/referrals?direction=outgoing&page=" + BoundedCount.LIMIT / 100).then().statusCode(200)
                .body("items", not(empty()));
        given().get("/referrals?direction=outgoing&status=accepted").then().statusCode(200)
                .body("totalItems", equalTo(0)).body("totalItemsExact", equalTo(true));
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aPagePastTheFirstTenThousandItemsIsRefused() {
        given().get("/referrals?direction=outgoing&size=100&page=99").then().statusCode(200);
        given().get("/referrals?direction=outgoing&size=100&page=100").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body(containsString("goes past the first 10000 items"));
        given().get("/referrals?direction=outgoing&page=2147483647").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void anAnalystCannotWorkWithReferrals() {
        given().get("/referrals").then().statusCode(403);
        given().contentType("application/json").body(body(caseId, serviceId, "urgent")).post("/referrals")
                .then().statusCode(403);
    }

    @Test
    void withoutATokenEverythingIsUnauthorised() {
        given().get("/referrals").then().statusCode(401);
        given().post("/referrals/" + UUID.randomUUID() + "/accept").then().statusCode(401);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndLaterEventsStillArrive() {
        String garbageKey = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CASES, garbageKey, "{not a cloud event"))
                    .awaitCompletion();
            ConsumerRecord<String, String> dead = kafka.consumeStrings()
                    .fromTopics(Topics.deadLetter("referral-service"),
                            records -> records.select().where(r -> garbageKey.equals(r.key())))
                    .awaitRecords(1, Duration.ofSeconds(30)).getRecords().get(0);
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value());
            assertFalse(reason.isBlank());
        }
        announceCaseAndServices();
    }
}
