package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.referral.Priority;
import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.testsupport.Caller;
import ba.refnet.testsupport.EventRecords;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The receiver of an accepted referral sees only what the consent covers; a consent past its date is announced;
 * a person can have all their data; a closed case is anonymised once its retention time is over.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PrivacyApiTest {

    static final String OWNER = "00000000-0000-4000-8000-0000000000f1";
    static final String RECEIVER = "00000000-0000-4000-8000-0000000000f2";
    static final String STRANGER = "00000000-0000-4000-8000-0000000000f3";

    static final Caller OWNERS_WORKER = Caller.of("worker-owner", "case-worker", OWNER);
    static final Caller RECEIVERS_WORKER = Caller.of("worker-receiver", "case-worker", RECEIVER);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    /**
     * A case whose child the receiver may know by identity and needs: one referral accepted, one only requested
     * (asking for the contact too).
     */
    record ReferredCase(String caseId, String childId, String consentId, UUID accepted, UUID requestedOnly) {
    }

    private String requested(ReferredCase referred, UUID referral, List<String> scope) {
        return codec.serialize(codec.build(EventType.REFERRAL_REQUESTED, referral.toString(), new ReferralRequestedV1(
                referral, UUID.fromString(referred.caseId()), UUID.fromString(OWNER), UUID.fromString(RECEIVER),
                UUID.randomUUID(), List.of("psychosocial.counselling"), Priority.URGENT, "10705",
                List.of(new Person(referred.childId(), "child", "child", "male")), scope,
                List.of(UUID.fromString(referred.consentId())), Instant.now().minusSeconds(60))));
    }

    /** The owner records consent and an assessment, the referral service announces the two referrals. */
    private ReferredCase aReferredCase() {
        ReferredCase referred = OWNERS_WORKER.call(() -> {
            JsonPath opened = given().contentType("application/json").body(HouseholdChangesTest.WITH_NEEDS)
                    .post("/cases").then().statusCode(201).extract().jsonPath();
            String caseId = opened.getString("id");
            String childId = opened.getString("members[1].id");
            String consentId = given().contentType("application/json").body("""
                    {"memberIds": ["%s"], "givenByMemberId": "%s", "purpose": "referral", "recipientOrganizationIds": ["%s"],
                     "scope": ["identity", "needs"], "method": "signed_form"}""".formatted(childId,
                            opened.getString("members[0].id"), RECEIVER))
                    .post("/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
            given().contentType("application/json").body("""
                    {"strengths": "Majka je posvećena", "risks": "Nasilje u porodici", "needs": ["psychosocial.counselling"]}""")
                    .post("/cases/" + caseId + "/assessments").then().statusCode(201);
            return new ReferredCase(caseId, childId, consentId, UUID.randomUUID(), UUID.randomUUID());
        });
        UUID accepted = referred.accepted();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    EventRecords.cloudEvent(Topics.REFERRALS, accepted.toString(),
                            requested(referred, accepted, List.of("identity", "needs"))),
                    EventRecords.cloudEvent(Topics.REFERRALS, accepted.toString(), codec.serialize(codec.build(
                            EventType.REFERRAL_ACCEPTED, accepted.toString(), new ReferralAcceptedV1(accepted,
                                    UUID.fromString(referred.caseId()), UUID.fromString(OWNER),
                                    UUID.fromString(RECEIVER), UUID.randomUUID(), List.of("psychosocial.counselling"),
                                    Instant.now().minusSeconds(60), Instant.now())))),
                    EventRecords.cloudEvent(Topics.REFERRALS, referred.requestedOnly().toString(),
                            requested(referred, referred.requestedOnly(), List.of("identity", "needs", "contact"))))
                    .awaitCompletion();
        }
        OWNERS_WORKER.run(() -> await().atMost(Duration.ofSeconds(30)).until(() -> List.of(List.of("accepted",
                "requested"), List.of("requested", "accepted")).contains(given().get("/cases/" + referred.caseId()
                + "/referrals").then().extract().jsonPath().getList("status"))));
        return referred;
    }

    private static void theReceiverReadsThePacket(ReferredCase referred) {
        RECEIVERS_WORKER.run(() -> given().get("/referral-packets/" + referred.accepted()).then().statusCode(200));
    }

    private static void theOwnerWithdrawsTheConsent(ReferredCase referred) {
        OWNERS_WORKER.run(() -> given().contentType("application/json").body("{\"reason\": \"Porodica se predomislila\"}")
                .post("/cases/" + referred.caseId() + "/consents/" + referred.consentId() + "/withdraw").then()
                .statusCode(200));
    }

    private static void theOwnerCloses(ReferredCase referred) {
        OWNERS_WORKER.run(() -> given().contentType("application/json").body("{\"reasonCode\": \"goals_achieved\"}")
                .post("/cases/" + referred.caseId() + "/close").then().statusCode(200));
    }

    @Test
    @TestSecurity(user = "worker-owner", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void theOwnerRecordsConsentAndTheReferralIsSentAndAccepted() {
        ReferredCase referred = aReferredCase();
        assertEquals(List.of("accepted", "requested"), given().get("/cases/" + referred.caseId() + "/referrals").then()
                .statusCode(200).extract().jsonPath().getList("status").stream().sorted().toList());
    }

    @Test
    @TestSecurity(user = "worker-receiver", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = RECEIVER))
    void theReceiverSeesOnlyTheConsentedPartOfTheReferredPeople() {
        ReferredCase referred = aReferredCase();
        given().get("/referral-packets/" + referred.accepted()).then().statusCode(200)
                .body("people", hasSize(1))
                .body("people[0].givenName", equalTo("Tarik"))
                .body("people[0].ageBand", equalTo("child"))
                .body("needs", hasItem("material"))
                .body("contact", nullValue())
                .body("household", nullValue())
                .body("assessment", nullValue());
        given().get("/referral-packets/" + referred.requestedOnly()).then().statusCode(409)
                .contentType("application/problem+json");
        given().get("/referral-packets/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/cases/" + referred.caseId()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "worker-stranger", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = STRANGER))
    void anotherOrganisationGetsNothing() {
        ReferredCase referred = aReferredCase();
        given().get("/referral-packets/" + referred.accepted()).then().statusCode(404);
        given().get("/cases/" + referred.caseId() + "/members/" + referred.childId() + "/personal-data").then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin-owner", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void aPersonGetsAllTheirDataIncludingWhoReadIt() {
        ReferredCase referred = aReferredCase();
        theReceiverReadsThePacket(referred);
        given().get("/cases/" + referred.caseId() + "/members/" + referred.childId() + "/personal-data").then()
                .statusCode(200)
                .body("person.givenName", equalTo("Tarik"))
                .body("household.contact.address", equalTo("Maršala Tita 10"))
                .body("consents", hasSize(1))
                .body("assessments[0].risks", equalTo("Nasilje u porodici"))
                .body("referrals", hasSize(2))
                .body("accessLog.action", hasItem("referral.packet"))
                .body("accessLog.organizationId", hasItem(RECEIVER));
        given().get("/cases/" + referred.caseId() + "/members/" + UUID.randomUUID() + "/personal-data").then()
                .statusCode(404);
        given().get("/audit?recordId=" + referred.caseId()).then().statusCode(200)
                .body("items.action", hasItem("referral.packet"));
    }

    @Test
    @TestSecurity(user = "worker-owner", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void withdrawingTheConsentClosesThePacket() {
        ReferredCase referred = aReferredCase();
        given().contentType("application/json").body("{\"reason\": \"Porodica se predomislila\"}")
                .post("/cases/" + referred.caseId() + "/consents/" + referred.consentId() + "/withdraw").then()
                .statusCode(200);
        given().contentType("application/json").body("{\"reason\": \"x\"}")
                .post("/cases/" + referred.caseId() + "/anonymisation").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-receiver", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = RECEIVER))
    void theReceiverIsToldTheConsentIsGone() {
        ReferredCase referred = aReferredCase();
        theOwnerWithdrawsTheConsent(referred);
        given().get("/referral-packets/" + referred.accepted()).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin-owner", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void aClosedCaseIsAnonymisedOnlyAfterItsRetentionTime() {
        ReferredCase referred = aReferredCase();
        String body = "{\"reason\": \"Zahtjev za brisanje\"}";
        given().contentType("application/json").body(body).post("/cases/" + referred.caseId() + "/anonymisation")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("open"));
        given().contentType("application/json").body("{}").post("/cases/" + referred.caseId() + "/anonymisation")
                .then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "worker-owner", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void theOwnerClosesTheCase() {
        ReferredCase referred = aReferredCase();
        given().contentType("application/json").body("{\"reasonCode\": \"goals_achieved\"}")
                .post("/cases/" + referred.caseId() + "/close").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin-owner", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void afterRetentionNamesContactAndTextsAreGoneButTheFactsStay() {
        ReferredCase referred = aReferredCase();
        theOwnerCloses(referred);
        String caseId = referred.caseId();
        // the test profile keeps closed cases for two seconds
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> given()
                .contentType("application/json").body("{\"reason\": \"Zahtjev za brisanje\"}")
                .post("/cases/" + caseId + "/anonymisation").statusCode() == 200);
        String exported = given().get("/cases/" + caseId + "/members/" + referred.childId() + "/personal-data").then()
                .statusCode(200)
                .body("person.givenName", equalTo("anonymised"))
                .body("person.role", equalTo("child"))
                .body("household.contact.phone", nullValue())
                .body("household.needs", hasItem("material"))
                .body("assessments[0].risks", equalTo("[anonymised]"))
                .extract().asString();
        assertFalse(exported.contains("Hodžić"), "no names left anywhere in the case");
        assertFalse(exported.contains("Nasilje"), "no free text left");
        given().contentType("application/json").body("{\"reason\": \"again\"}")
                .post("/cases/" + caseId + "/anonymisation").then().statusCode(409);
        assertEquals(1, given().get("/audit?action=case.anonymise&recordId=" + caseId).then().statusCode(200)
                .extract().jsonPath().getList("items").size());
    }
}
