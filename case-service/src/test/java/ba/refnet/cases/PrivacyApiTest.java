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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The receiver of an accepted referral sees only what the consent covers; a consent past its date is announced;
 * a person can have all their data; a closed case is anonymised once its retention time is over.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyApiTest {

    static final String OWNER = "00000000-0000-4000-8000-0000000000f1";
    static final String RECEIVER = "00000000-0000-4000-8000-0000000000f2";
    static final String STRANGER = "00000000-0000-4000-8000-0000000000f3";

    static String caseId;
    static String childId;
    static String consentId;
    static final UUID ACCEPTED = UUID.randomUUID();
    static final UUID REQUESTED_ONLY = UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    private String requested(UUID referral, List<String> scope) {
        return codec.serialize(codec.build(EventType.REFERRAL_REQUESTED, referral.toString(), new ReferralRequestedV1(
                referral, UUID.fromString(caseId), UUID.fromString(OWNER), UUID.fromString(RECEIVER), UUID.randomUUID(),
                List.of("psychosocial.counselling"), Priority.URGENT, "10705",
                List.of(new Person(childId, "child", "child", "male")), scope, List.of(UUID.fromString(consentId)),
                Instant.now().minusSeconds(60))));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "worker-owner", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void theOwnerRecordsConsentAndTheReferralIsSentAndAccepted() {
        JsonPath opened = given().contentType("application/json").body(HouseholdChangesTest.WITH_NEEDS).post("/cases")
                .then().statusCode(201).extract().jsonPath();
        caseId = opened.getString("id");
        childId = opened.getString("members[1].id");
        consentId = given().contentType("application/json").body("""
                {"memberIds": ["%s"], "givenByMemberId": "%s", "purpose": "referral", "recipientOrganizationIds": ["%s"],
                 "scope": ["identity", "needs"], "method": "signed_form"}""".formatted(childId,
                        opened.getString("members[0].id"), RECEIVER))
                .post("/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("""
                {"strengths": "Majka je posvećena", "risks": "Nasilje u porodici", "needs": ["psychosocial.counselling"]}""")
                .post("/cases/" + caseId + "/assessments").then().statusCode(201);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    EventRecords.cloudEvent(Topics.REFERRALS, ACCEPTED.toString(),
                            requested(ACCEPTED, List.of("identity", "needs"))),
                    EventRecords.cloudEvent(Topics.REFERRALS, ACCEPTED.toString(), codec.serialize(codec.build(
                            EventType.REFERRAL_ACCEPTED, ACCEPTED.toString(), new ReferralAcceptedV1(ACCEPTED,
                                    UUID.fromString(caseId), UUID.fromString(OWNER), UUID.fromString(RECEIVER),
                                    UUID.randomUUID(), List.of("psychosocial.counselling"),
                                    Instant.now().minusSeconds(60), Instant.now())))),
                    EventRecords.cloudEvent(Topics.REFERRALS, REQUESTED_ONLY.toString(),
                            requested(REQUESTED_ONLY, List.of("identity", "needs", "contact"))))
                    .awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/cases/" + caseId + "/referrals")
                .then().extract().jsonPath().getList("status").equals(List.of("accepted", "requested"))
                || given().get("/cases/" + caseId + "/referrals").then().extract().jsonPath().getList("status")
                        .equals(List.of("requested", "accepted")));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "worker-receiver", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = RECEIVER))
    void theReceiverSeesOnlyTheConsentedPartOfTheReferredPeople() {
        given().get("/referral-packets/" + ACCEPTED).then().statusCode(200)
                .body("people", hasSize(1))
                .body("people[0].givenName", equalTo("Tarik"))
                .body("people[0].ageBand", equalTo("child"))
                .body("needs", hasItem("material"))
                .body("contact", nullValue())
                .body("household", nullValue())
                .body("assessment", nullValue());
        given().get("/referral-packets/" + REQUESTED_ONLY).then().statusCode(409).contentType("application/problem+json");
        given().get("/referral-packets/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/cases/" + caseId).then().statusCode(404);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "worker-stranger", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = STRANGER))
    void anotherOrganisationGetsNothing() {
        given().get("/referral-packets/" + ACCEPTED).then().statusCode(404);
        given().get("/cases/" + caseId + "/members/" + childId + "/personal-data").then().statusCode(404);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin-owner", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void aPersonGetsAllTheirDataIncludingWhoReadIt() {
        given().get("/cases/" + caseId + "/members/" + childId + "/personal-data").then().statusCode(200)
                .body("person.givenName", equalTo("Tarik"))
                .body("household.contact.address", equalTo("Maršala Tita 10"))
                .body("consents", hasSize(1))
                .body("assessments[0].risks", equalTo("Nasilje u porodici"))
                .body("referrals", hasSize(2))
                .body("accessLog.action", hasItem("referral.packet"))
                .body("accessLog.organizationId", hasItem(RECEIVER));
        given().get("/cases/" + caseId + "/members/" + UUID.randomUUID() + "/personal-data").then().statusCode(404);
        given().get("/audit?recordId=" + caseId).then().statusCode(200)
                .body("items.action", hasItem("referral.packet"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "worker-owner", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void withdrawingTheConsentClosesThePacket() {
        given().contentType("application/json").body("{\"reason\": \"Porodica se predomislila\"}")
                .post("/cases/" + caseId + "/consents/" + consentId + "/withdraw").then().statusCode(200);
        given().contentType("application/json").body("{\"reason\": \"x\"}")
                .post("/cases/" + caseId + "/anonymisation").then().statusCode(403);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "worker-receiver", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = RECEIVER))
    void theReceiverIsToldTheConsentIsGone() {
        given().get("/referral-packets/" + ACCEPTED).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(7)
    @TestSecurity(user = "admin-owner", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void aClosedCaseIsAnonymisedOnlyAfterItsRetentionTime() {
        String body = "{\"reason\": \"Zahtjev za brisanje\"}";
        given().contentType("application/json").body(body).post("/cases/" + caseId + "/anonymisation").then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("open"));
        given().contentType("application/json").body("{}").post("/cases/" + caseId + "/anonymisation").then()
                .statusCode(400);
    }

    @Test
    @Order(8)
    @TestSecurity(user = "worker-owner", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void theOwnerClosesTheCase() {
        given().contentType("application/json").body("{\"reasonCode\": \"goals_achieved\"}")
                .post("/cases/" + caseId + "/close").then().statusCode(200);
    }

    @Test
    @Order(9)
    @TestSecurity(user = "admin-owner", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = OWNER))
    void afterRetentionNamesContactAndTextsAreGoneButTheFactsStay() {
        // the test profile keeps closed cases for two seconds
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> given()
                .contentType("application/json").body("{\"reason\": \"Zahtjev za brisanje\"}")
                .post("/cases/" + caseId + "/anonymisation").statusCode() == 200);
        String exported = given().get("/cases/" + caseId + "/members/" + childId + "/personal-data").then()
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
