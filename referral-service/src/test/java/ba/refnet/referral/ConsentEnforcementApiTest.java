package ba.refnet.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.problem.Problem;
import ba.refnet.contracts.Topics;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.persistence.KnownCaseRepository;
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
class ConsentEnforcementApiTest {

    static final String CSR = "00000000-0000-4000-8000-0000000000c1";
    static final String NGO = "00000000-0000-4000-8000-0000000000d2";
    static final String SCHOOL = "00000000-0000-4000-8000-0000000000e3";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    LocalCopies copies;

    @Inject
    KnownCaseRepository cases;

    @Inject
    ReferralRepository referrals;

    @Inject
    CloudEventCodec codec;

    private UUID onlyMember(UUID caseId) {
        return UUID.fromString(QuarkusTransaction.requiringNew().call(() ->
                cases.findById(caseId).members().get(0).memberId()));
    }

    private static String referral(UUID caseId, UUID serviceId, String override) {
        return """
                {"caseId": "%s", "serviceId": "%s", "priority": "urgent", "reason": "Dijete u opasnosti"%s}"""
                .formatted(caseId, serviceId, override == null ? "" : ", \"overrideReason\": \"" + override + "\"");
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aReferralNeedsConsentForThatRecipientAndPurpose() {
        UUID caseId = copies.caseWithoutConsent(LocalCopies.CSR, "poverty");
        UUID serviceId = copies.service(LocalCopies.NGO, "accepting", "material");
        given().contentType("application/json").body(referral(caseId, serviceId, null)).post("/referrals")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("detail", containsString("no valid consent"));
        copies.consent(caseId, LocalCopies.CSR, onlyMember(caseId), false, List.of(LocalCopies.SCHOOL));
        given().contentType("application/json").body(referral(caseId, serviceId, null)).post("/referrals")
                .then().statusCode(409);
        UUID consentId = copies.consent(caseId, LocalCopies.CSR, onlyMember(caseId), false, List.of(LocalCopies.NGO));
        given().contentType("application/json").body(referral(caseId, serviceId, null)).post("/referrals")
                .then().statusCode(201).body("consentBasis", equalTo("consent"));
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, referrals
                .count("caseId", caseId)));
        assertEquals(consentId, QuarkusTransaction.requiringNew().call(() ->
                referrals.find("caseId", caseId).firstResult().consentIds().get(0)));
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aCentreForSocialWorkMayReferWithoutConsentOnAChildProtectionBasis() {
        copies.organization(LocalCopies.CSR, "centre_for_social_work");
        UUID caseId = copies.caseWithoutConsent(LocalCopies.CSR, "child_found_begging");
        UUID serviceId = copies.service(LocalCopies.NGO, "accepting", "child_protection");
        given().contentType("application/json")
                .body(referral(caseId, serviceId, "Član 8. Porodičnog zakona: dijete zatečeno u prosjačenju"))
                .post("/referrals").then().statusCode(201)
                .body("consentBasis", equalTo("override"))
                .body("overrideReason", containsString("Porodičnog zakona"))
                .body("history[0].note", containsString("child-protection override"));
    }

    @Test
    @TestSecurity(user = "school-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = SCHOOL))
    void otherOrganisationsCannotOverrideConsent() {
        copies.organization(LocalCopies.SCHOOL, "school");
        UUID caseId = copies.caseWithoutConsent(LocalCopies.SCHOOL, "poverty");
        UUID serviceId = copies.service(LocalCopies.NGO, "accepting", "material");
        given().contentType("application/json").body(referral(caseId, serviceId, "Mislimo da je hitno"))
                .post("/referrals").then().statusCode(403).body("detail", containsString("centre for social work"));
        given().get("/referrals?direction=outgoing").then().body("totalItems", equalTo(0));
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void whenConsentIsWithdrawnTheReceiverIsToldAndNoLongerSeesTheDetails() {
        UUID caseId = copies.caseWithoutConsent(LocalCopies.CSR, "poverty");
        UUID member = onlyMember(caseId);
        UUID consentId = copies.consent(caseId, LocalCopies.CSR, member, false, List.of(LocalCopies.NGO));
        Referral r = copies.referralOnConsent(caseId, copies.service(LocalCopies.NGO, "accepting", "material"));
        given().post("/referrals/" + r.id() + "/accept").then().statusCode(200)
                .body("reason", equalTo("Majka traži pomoć")).body("memberIds", hasItem(member.toString()));

        copies.withdraw(caseId, LocalCopies.CSR, member, consentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/referrals/" + r.id()).then().extract()
                .path("consentWithdrawnAt") != null);
        given().get("/referrals/" + r.id()).then().statusCode(200)
                .body("reason", nullValue()).body("memberIds", empty()).body("status", equalTo("accepted"));
        given().get("/referrals/" + r.id() + "/messages").then().statusCode(200)
                .body("text[0]", containsString("withdrew the consent"));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<String> types = kafka.consumeStrings()
                    .fromTopics(Topics.REFERRALS, records -> records.select().where(x -> x.key().equals(r.id().toString())))
                    .awaitRecords(2, Duration.ofSeconds(30)).getRecords().stream()
                    .map(x -> codec.parse(x.value()).getType()).toList();
            assertEquals(List.of("ba.refnet.referral.accepted.v1", "ba.refnet.referral.consent-withdrawn.v1"), types);
        }
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void anExpiredConsentEndsTheSharingLikeAWithdrawal() {
        UUID caseId = copies.caseWithoutConsent(LocalCopies.CSR, "poverty");
        UUID member = onlyMember(caseId);
        UUID consentId = copies.consent(caseId, LocalCopies.CSR, member, false, List.of(LocalCopies.NGO));
        Referral r = copies.referralOnConsent(caseId, copies.service(LocalCopies.NGO, "accepting", "material"));
        copies.expire(caseId, LocalCopies.CSR, member, consentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/referrals/" + r.id()).then().extract()
                .path("consentWithdrawnAt") != null);
        given().get("/referrals/" + r.id()).then().statusCode(200).body("memberIds", empty());
        given().get("/referrals/" + r.id() + "/messages").then().statusCode(200)
                .body("text[0]", containsString("has expired"));
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void theReceiverSeesOnlyWhatTheConsentCovers() {
        UUID caseId = copies.caseWithoutConsent(LocalCopies.CSR, "poverty");
        copies.consent(caseId, LocalCopies.CSR, onlyMember(caseId), false, List.of(LocalCopies.NGO), List.of("identity"));
        Referral r = copies.referralOnConsent(caseId, copies.service(LocalCopies.NGO, "accepting", "material"));
        given().get("/referrals/" + r.id()).then().statusCode(200)
                .body("sharedScope", equalTo(List.of("identity")))
                .body("reason", nullValue())
                .body("memberIds", hasItem(onlyMember(caseId).toString()));
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void theSenderSeesEverythingAndNamesAContact() {
        UUID caseId = copies.caseWithoutConsent(LocalCopies.CSR, "poverty");
        copies.consent(caseId, LocalCopies.CSR, onlyMember(caseId), false, List.of(LocalCopies.NGO), List.of("identity"));
        UUID serviceId = copies.service(LocalCopies.NGO, "accepting", "material");
        given().contentType("application/json").body("""
                {"caseId": "%s", "serviceId": "%s", "priority": "routine", "reason": "Porodica bez prihoda",
                 "senderContact": "Amela Centrić, 036 555 123"}""".formatted(caseId, serviceId))
                .post("/referrals").then().statusCode(201)
                .body("reason", equalTo("Porodica bez prihoda"))
                .body("sharedScope", equalTo(List.of("identity")))
                .body("senderContact", equalTo("Amela Centrić, 036 555 123"));
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aDraftIsSentOnlyOnceConsentIsThere() {
        UUID caseId = copies.caseWithoutConsent(LocalCopies.CSR, "poverty");
        UUID serviceId = copies.service(LocalCopies.NGO, "accepting", "material");
        String draft = """
                {"caseId": "%s", "serviceId": "%s", "priority": "routine", "reason": "Nacrt", "draft": true}"""
                .formatted(caseId, serviceId);
        given().contentType("application/json").body(draft.replace("\"draft\"", "\"protocolId\": \"" + UUID.randomUUID()
                + "\", \"draft\"")).post("/referrals").then().statusCode(400);
        String id = given().contentType("application/json").body(draft).post("/referrals").then().statusCode(201)
                .body("status", equalTo("draft")).extract().path("id");
        given().post("/referrals/" + id + "/send").then().statusCode(409).body("detail", containsString("consent"));
        given().get("/referrals/" + id).then().body("status", equalTo("draft"));
        copies.consent(caseId, LocalCopies.CSR, onlyMember(caseId), false, List.of(LocalCopies.NGO));
        given().contentType("application/json").body("{\"protocolId\": 5}").post("/referrals/" + id + "/send")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().post("/referrals/" + id + "/send").then().statusCode(200)
                .body("status", equalTo("requested"))
                .body("history.to", equalTo(List.of("draft", "requested")));
        given().post("/referrals/" + id + "/send").then().statusCode(409);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            assertEquals("ba.refnet.referral.requested.v1", kafka.consumeStrings()
                    .fromTopics(Topics.REFERRALS, records -> records.select().where(x -> x.key().equals(id)))
                    .awaitRecords(1, Duration.ofSeconds(30)).getRecords().stream()
                    .map(x -> codec.parse(x.value()).getType()).findFirst().orElseThrow());
        }
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aTransferredCaseIsReferredByItsNewOwnerOnly() {
        UUID caseId = copies.caseOf(LocalCopies.CSR);
        UUID serviceId = copies.service(LocalCopies.SCHOOL, "accepting", "educational");
        copies.send(Topics.CASES, caseId, ba.refnet.contracts.EventType.CASE_OWNERSHIP_TRANSFERRED,
                new ba.refnet.contracts.cases.CaseOwnershipTransferredV1(caseId, LocalCopies.CSR, LocalCopies.NGO,
                        java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                cases.findById(caseId).organizationId().equals(LocalCopies.NGO)));
        given().contentType("application/json").body(referral(caseId, serviceId, null)).post("/referrals")
                .then().statusCode(400).body("violations[0].field", equalTo("caseId"));
    }
}
