package ba.refnet.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.problem.Problem;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReferralLoopApiTest {

    static final String CSR = "00000000-0000-4000-8000-0000000000c1";
    static final String NGO = "00000000-0000-4000-8000-0000000000d2";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    LocalCopies copies;

    @Inject
    CloudEventCodec codec;

    @Inject
    ReferralRepository referrals;

    /** The types of the events published for one referral, in order, once there are {@code count} of them. */
    private List<String> eventTypes(UUID referralId, int count) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            return kafka.consumeStrings()
                    .fromTopics(Topics.REFERRALS, records -> records.select().where(r -> r.key().equals(referralId.toString())))
                    .awaitRecords(count, Duration.ofSeconds(30)).getRecords().stream()
                    .peek(r -> assertFalse(r.value().contains("susreta") || r.value().contains("bolnici"),
                            "free text stays in the service"))
                    .map(r -> codec.parse(r.value()).getType().replace("ba.refnet.referral.", "")).toList();
        }
    }

    private static String at(Referral r, String action) {
        return "/referrals/" + r.id() + "/" + action;
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void theReceiverCarriesAReferralToCompletionAndEveryStepIsAnEvent() {
        Referral r = copies.requestedReferral();
        given().post(at(r, "accept")).then().statusCode(200).body("status", equalTo("accepted"));
        given().post(at(r, "start")).then().statusCode(200).body("status", equalTo("in_progress"))
                .body("startedAt", not(nullValue()));
        given().contentType("application/json").body("{\"reason\": \"majka u bolnici\"}").post(at(r, "hold"))
                .then().statusCode(200).body("status", equalTo("on_hold"));
        given().post(at(r, "resume")).then().statusCode(200).body("status", equalTo("in_progress"));
        given().contentType("application/json").body("{\"provided\": \"8 savjetodavnih susreta\", \"needMet\": \"maybe\"}")
                .post(at(r, "complete")).then().statusCode(400).body("violations[0].field", equalTo("needMet"));
        given().header("If-Match", "\"4\"").contentType("application/json")
                .body("{\"provided\": \"8 savjetodavnih susreta\", \"needMet\": \"partly\"}")
                .post(at(r, "complete")).then().statusCode(200)
                .header("ETag", equalTo("\"5\""))
                .body("status", equalTo("completed"))
                .body("needMet", equalTo("partly"))
                .body("outcomeProvided", equalTo("8 savjetodavnih susreta"))
                .body("history.to", equalTo(List.of("requested", "accepted", "in_progress", "on_hold", "in_progress",
                        "completed")));
        given().contentType("application/json").body("{\"reasonCode\": \"client_declined\"}").post(at(r, "fail"))
                .then().statusCode(409).body("detail", equalTo("cannot go from completed to failed"));
        assertEquals(List.of("accepted.v1", "started.v1", "held.v1", "resumed.v1", "completed.v1"),
                eventTypes(r.id(), 5));
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void aRejectionNeedsAKnownReasonAndExplanation() {
        Referral r = copies.requestedReferral();
        given().contentType("application/json").body("{}").post(at(r, "reject"))
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("reasonCode")).body("violations.field", hasItem("reason"));
        given().contentType("application/json").body("{\"reasonCode\": \"bored\", \"reason\": \"x\"}")
                .post(at(r, "reject")).then().statusCode(400).body("detail", containsString("no_capacity"));
        given().get("/referrals/" + r.id()).then().body("status", equalTo("requested"));
        given().contentType("application/json").body("{\"reasonCode\": \"no_capacity\", \"reason\": \"Lista je puna do marta\"}")
                .post(at(r, "reject")).then().statusCode(200).body("status", equalTo("rejected"))
                .body("reasonCode", equalTo("no_capacity")).body("closedAt", not(nullValue()));
        given().post(at(r, "accept")).then().statusCode(409);
        assertEquals(List.of("rejected.v1"), eventTypes(r.id(), 1));
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void theReceiverRedirectsToAThirdOrganisation() {
        Referral r = copies.requestedReferral();
        UUID schoolService = copies.service(LocalCopies.SCHOOL, "accepting", "educational");
        String next = given().contentType("application/json")
                .body("{\"serviceId\": \"" + schoolService + "\", \"reason\": \"Škola ima program\"}")
                .post(at(r, "redirect")).then().statusCode(201)
                .body("redirectedFrom", equalTo(r.id().toString()))
                .body("receivingOrganizationId", equalTo(LocalCopies.SCHOOL.toString()))
                .body("sendingOrganizationId", equalTo(CSR))
                .extract().path("id");
        given().get("/referrals/" + r.id()).then().statusCode(200).body("status", equalTo("redirected"))
                .body("redirectedTo", equalTo(next));
        given().get("/referrals/" + next).then().statusCode(404);
        assertEquals(List.of("redirected.v1"), eventTypes(r.id(), 1));
        assertEquals(List.of("requested.v1"), eventTypes(UUID.fromString(next), 1));
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void theSenderCancelsWithAReasonButCannotActForTheReceiver() {
        Referral r = copies.requestedReferral();
        given().post(at(r, "start")).then().statusCode(403);
        given().contentType("application/json").body("{\"reasonCode\": \"no_capacity\", \"reason\": \"x\"}")
                .post(at(r, "reject")).then().statusCode(403);
        given().contentType("application/json").body("{\"reason\": \" \"}").post(at(r, "cancel")).then().statusCode(400);
        given().contentType("application/json").body("{\"reason\": \"Porodica se odselila\"}").post(at(r, "cancel"))
                .then().statusCode(200).body("status", equalTo("cancelled"));
        given().contentType("application/json").body("{\"reason\": \"opet\"}").post(at(r, "cancel")).then().statusCode(409);
        assertEquals(List.of("cancelled.v1"), eventTypes(r.id(), 1));
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void bothSidesWriteMessagesOnAReferral() {
        Referral r = copies.requestedReferral();
        given().contentType("application/json").body("{\"text\": \"Majka je dostupna poslije 15h.\"}")
                .post(at(r, "messages")).then().statusCode(201).body("organizationId", equalTo(CSR));
        given().contentType("application/json").body("{\"text\": \"\"}").post(at(r, "messages")).then().statusCode(400);
        given().get(at(r, "messages")).then().statusCode(200).body("text", equalTo(List.of("Majka je dostupna poslije 15h.")));
        given().get("/referrals/" + UUID.randomUUID() + "/messages").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "csr-partner", roles = "partner-system")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aRetriedCreateWithTheSameIdempotencyKeyMakesOneReferral() {
        UUID caseId = copies.caseOf(LocalCopies.CSR);
        UUID serviceId = copies.service(LocalCopies.NGO, "waitlist", "legal_aid");
        String body = "{\"caseId\": \"%s\", \"serviceId\": \"%s\", \"priority\": \"routine\", \"reason\": \"Dokumenti\"}"
                .formatted(caseId, serviceId);
        long before = QuarkusTransaction.requiringNew().call(() -> referrals.count());
        String key = "csr-system-" + UUID.randomUUID();
        String first = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/referrals").then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        String again = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/referrals").then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        given().header("Idempotency-Key", key).contentType("application/json").body(body.replace("Dokumenti", "Drugo"))
                .post("/referrals").then().statusCode(409).body("detail", containsString(key));
        given().header("Idempotency-Key", "has spaces").contentType("application/json").body(body)
                .post("/referrals").then().statusCode(400);
        assertEquals(before + 1, QuarkusTransaction.requiringNew().call(() -> referrals.count()));
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void worklistsFilterAndCount() {
        Referral waiting = copies.requestedReferral();
        Referral accepted = copies.requestedReferral();
        given().post(at(accepted, "accept")).then().statusCode(200);
        given().get("/referrals?direction=incoming&status=accepted&size=100").then().statusCode(200)
                .body("items.id", hasItem(accepted.id().toString()))
                .body("items.id", not(hasItem(waiting.id().toString())))
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("accepted")));
        given().get("/referrals?direction=incoming&status=requested,accepted&priority=routine&size=100")
                .then().statusCode(200).body("items.id", hasItem(waiting.id().toString()))
                .body("items.id", hasItem(accepted.id().toString()));
        given().get("/referrals?status=lost").then().statusCode(400).body("detail", containsString("in_progress"));
        given().get("/referrals?priority=soon").then().statusCode(400);
        given().get("/referrals?serviceId=abc").then().statusCode(400).body("violations[0].field", equalTo("serviceId"));
        given().get("/referrals/counts").then().statusCode(200)
                .body("incoming.accepted", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("incoming.requested", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("outgoing.requested", equalTo(0));
    }

    @Test
    void withoutATokenNoStepIsPossible() {
        for (String action : List.of("accept", "reject", "cancel", "start", "hold", "resume", "complete", "fail",
                "redirect", "messages")) {
            given().contentType("application/json").body("{}").post("/referrals/" + UUID.randomUUID() + "/" + action)
                    .then().statusCode(401);
        }
        given().get("/referrals/counts").then().statusCode(401);
    }
}
