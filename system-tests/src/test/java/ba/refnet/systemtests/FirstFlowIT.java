package ba.refnet.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first flow across all four services, every hop over Kafka: a network administrator registers an organisation
 * with a service, a centre for social work opens a case and refers the family to that service, the receiver accepts,
 * and the reporting service counts one accepted referral for the support type.
 *
 * <p>The platform is started once for the whole run ({@link SharedPlatform}); each test builds the cases, services and referrals it needs. A test
 * that asserts report counts refers to a support type of its own, so its figures are exact in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.class)
class FirstFlowIT {

    /** Organisation ids as the demo users carry them in deploy/keycloak/refnet-realm.json. */
    static final String CSR = "0a000000-0000-4000-8000-000000000001";
    static final String COUNSELLING = "0a000000-0000-4000-8000-000000000003";
    static final String PROBLEM = "application/problem+json";

    final Platform platform = SharedPlatform.PLATFORM;

    record Referred(String caseId, String referralId) {
    }

    /** The counselling centre is in the directory (registered by the network administrator) with a new service. */
    static String counsellingService(String supportType) {
        as(Tokens.user("admin.mreza")).body("""
                {"id": "%s", "name": "Porodično savjetovalište Mostar", "legalForm": "public_institution",
                 "municipalityCode": "10705"}""".formatted(COUNSELLING))
                .post(Platform.REGISTRY + "/organizations").then().statusCode(oneOf(201, 409));
        return as(Tokens.user("admin.savjetovaliste"))
                .body("{\"name\": \"Besplatna pomoć (" + supportType + ")\", \"supportTypes\": [\"" + supportType + "\"]}")
                .post(Platform.REGISTRY + "/organizations/" + COUNSELLING + "/services")
                .then().statusCode(201).extract().path("id");
    }

    /** A returnee family's case at the centre for social work, with its consent to the counselling centre. */
    static String consentedCase(String csr) {
        var opened = as(csr).body("""
                {"municipalityCode": "10705", "vulnerabilities": ["returnee_family"],
                 "members": [{"role": "parent_or_guardian", "givenName": "Mirsad", "familyName": "Povratnik",
                              "sex": "male", "birthDate": "1975-05-05"}]}""")
                .post(Platform.CASES + "/cases").then().statusCode(201).extract().jsonPath();
        String caseId = opened.getString("id");
        consentToCounselling(csr, caseId, opened.getString("members[0].id"));
        return caseId;
    }

    /** The case referred to the service, once the referral service has learnt of both from Kafka. */
    static String refer(String csr, String caseId, String serviceId, String priority) {
        String referral = """
                {"caseId": "%s", "serviceId": "%s", "priority": "%s",
                 "reason": "Povratnik treba pomoć oko dokumenata."}""".formatted(caseId, serviceId, priority);
        // the referral service learns of the case and the service from Kafka, not from a call
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(csr).body(referral).post(Platform.REFERRALS + "/referrals").statusCode() != 400);
        return as(csr).get(Platform.REFERRALS + "/referrals?direction=outgoing&size=100")
                .then().statusCode(200).extract().path("items.find { it.caseId == '" + caseId + "' }.id");
    }

    static Referred aReferredFamily(String supportType) {
        String csr = Tokens.user("radnik.csr");
        String caseId = consentedCase(csr);
        return new Referred(caseId, refer(csr, caseId, counsellingService(supportType), "routine"));
    }

    /** The family's signed consent to a referral to the counselling centre, as the case worker records it. */
    static void consentToCounselling(String token, String caseId, String memberId) {
        as(token).body("""
                {"memberIds": ["%s"], "givenByMemberId": "%s", "purpose": "referral",
                 "recipientOrganizationIds": ["%s"], "scope": ["identity", "needs"], "method": "signed_form"}"""
                .formatted(memberId, memberId, COUNSELLING))
                .post(Platform.CASES + "/cases/" + caseId + "/consents").then().statusCode(201);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static Integer reported(String supportType, String figure) {
        return as(Tokens.user("analiticar")).queryParam("supportType", supportType)
                .get(Platform.REPORTING + "/reports/referrals").then().statusCode(200).extract().path(figure);
    }

    @Test
    void aNetworkAdministratorRegistersAnOrganisationWithAService() {
        String serviceId = counsellingService(CountedSupportTypes.UNCOUNTED);
        as(Tokens.user("radnik.csr")).get(Platform.REGISTRY + "/organizations/" + COUNSELLING)
                .then().statusCode(200).body("name", equalTo("Porodično savjetovalište Mostar"));
        as(Tokens.user("radnik.csr")).get(Platform.REGISTRY + "/services/" + serviceId)
                .then().statusCode(200).body("supportTypes", hasItem(CountedSupportTypes.UNCOUNTED));
    }

    @Test
    void anotherOrganisationOpensACaseAndRefersTheFamily() {
        Referred referred = aReferredFamily(CountedSupportTypes.UNCOUNTED);
        as(Tokens.user("radnik.csr")).get(Platform.REFERRALS + "/referrals/" + referred.referralId())
                .then().statusCode(200).body("status", equalTo("requested")).body("caseId", equalTo(referred.caseId()));
    }

    @Test
    void theReceiverAcceptsAndReportingCountsIt() {
        String supportType = CountedSupportTypes.FIRST_ACCEPTANCE;
        Referred referred = aReferredFamily(supportType);
        String receiver = Tokens.user("radnik.savjetovaliste");
        as(receiver).get(Platform.REFERRALS + "/referrals?direction=incoming&size=100")
                .then().statusCode(200).body("items.id", hasItem(referred.referralId()));
        as(receiver).header("If-Match", "\"0\"").post(Platform.REFERRALS + "/referrals/" + referred.referralId() + "/accept")
                .then().statusCode(200).body("status", equalTo("accepted"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(reported(supportType, "totals.accepted")));
        as(Tokens.user("analiticar")).queryParam("supportType", supportType).get(Platform.REPORTING + "/reports/referrals")
                .then().body("totals.requested", equalTo(1)).body("bySupportType[0].supportType", equalTo(supportType));
    }

    @Test
    void wrongCallersAreTurnedAway() {
        Referred referred = aReferredFamily(CountedSupportTypes.UNCOUNTED);
        for (String url : new String[] {Platform.REGISTRY + "/organizations", Platform.CASES + "/cases",
                Platform.REFERRALS + "/referrals", Platform.REPORTING + "/reports/referrals"}) {
            given().get(url).then().statusCode(401);
            given().auth().oauth2("not-a-token").get(url).then().statusCode(401);
        }
        as(Tokens.user("analiticar")).get(Platform.CASES + "/cases").then().statusCode(403);
        as(Tokens.user("radnik.csr")).get(Platform.REPORTING + "/reports/referrals").then().statusCode(403);
        as(Tokens.user("radnik.csr")).body("{\"name\": \"X\", \"legalForm\": \"ngo\"}")
                .post(Platform.REGISTRY + "/organizations").then().statusCode(403).contentType(PROBLEM);
        String school = Tokens.user("radnik.skola");
        as(school).get(Platform.CASES + "/cases/" + referred.caseId()).then().statusCode(404).contentType(PROBLEM);
        as(school).get(Platform.REFERRALS + "/referrals/" + referred.referralId()).then().statusCode(404).contentType(PROBLEM);
        as(school).post(Platform.REFERRALS + "/referrals/" + referred.referralId() + "/accept").then().statusCode(404);
    }

    @Test
    void aPartnerSystemWorksWithItsOwnOrganisationsCasesOnly() {
        String caseId = consentedCase(Tokens.user("radnik.csr"));
        String partner = Tokens.partner("partner-csr-mostar", "csr-mostar-demo-secret");
        as(partner).get(Platform.CASES + "/cases/" + caseId).then().statusCode(200).body("organizationId", equalTo(CSR));
        String sosPartner = Tokens.partner("partner-sos-mostar", "sos-mostar-demo-secret");
        as(sosPartner).get(Platform.CASES + "/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void malformedJsonIsAProblemAndStoresNothing() {
        String csr = Tokens.user("radnik.csr");
        int before = as(csr).get(Platform.CASES + "/cases").then().extract().path("totalItems");
        as(csr).body("{\"members\": [").post(Platform.CASES + "/cases")
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Malformed JSON"));
        as(csr).body("{\"caseId\": ").post(Platform.REFERRALS + "/referrals").then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, (int) as(csr).get(Platform.CASES + "/cases").then().extract().path("totalItems"));
    }

    @Test
    void anEventPublishedWhileReportingIsDownIsCountedWhenItReturns() {
        String supportType = CountedSupportTypes.ACCEPTANCE_AFTER_RESTART;
        String serviceId = counsellingService(supportType);
        String csr = Tokens.user("radnik.csr");
        String caseId = consentedCase(csr);
        platform.stop("reporting-service");
        String referralId = refer(csr, caseId, serviceId, "urgent");
        as(Tokens.user("radnik.savjetovaliste")).post(Platform.REFERRALS + "/referrals/" + referralId + "/accept")
                .then().statusCode(200);

        platform.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(1).equals(reported(supportType, "totals.accepted")));
        assertEquals(1, reported(supportType, "totals.requested"));
    }

    @Test
    void aCaseOpenedWhileKafkaIsDownReachesTheReferralServiceWhenKafkaReturns() {
        String serviceId = counsellingService(CountedSupportTypes.UNCOUNTED);
        platform.stop("kafka");
        String csr = Tokens.user("radnik.csr");
        var late = as(csr).body("""
                {"municipalityCode": "10705", "members": [{"role": "self", "givenName": "Nedim", "familyName": "Kasni",
                 "sex": "male", "birthDate": "2007-07-07"}]}""")
                .post(Platform.CASES + "/cases").then().statusCode(201).extract().jsonPath();
        String lateCase = late.getString("id");
        consentToCounselling(csr, lateCase, late.getString("members[0].id"));

        platform.start();
        String referral = """
                {"caseId": "%s", "serviceId": "%s", "priority": "routine", "reason": "Nakon prekida"}"""
                .formatted(lateCase, serviceId);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                as(csr).body(referral).post(Platform.REFERRALS + "/referrals").statusCode() == 201);
    }

    @Test
    void aPartnerSystemAndTheReceiverCarryAProtocolReferralThroughTheWholeLoop() {
        String supportType = CountedSupportTypes.PROTOCOL_LOOP;
        String serviceId = counsellingService(supportType);
        String coordinator = Tokens.user("koordinator");
        String protocol = as(coordinator).body("""
                {"name": "Protokol o zaštiti djece zatečene u prosjačenju – Mostar", "municipalityCode": "10705",
                 "triggerCategory": "child_found_begging",
                 "steps": [{"deadline": "acknowledge", "dueHours": 24}, {"deadline": "first_contact", "dueHours": 72},
                           {"deadline": "plan", "dueHours": 168}]}""")
                .post(Platform.REFERRALS + "/protocols").then().statusCode(201).extract().path("id");

        String partner = Tokens.partner("partner-csr-mostar", "csr-mostar-demo-secret");
        var opened = as(partner).body("""
                {"municipalityCode": "10705", "vulnerabilities": ["child_found_begging"],
                 "members": [{"role": "parent_or_guardian", "givenName": "Fata", "familyName": "Ulica", "sex": "female"},
                             {"role": "child", "givenName": "Mujo", "familyName": "Ulica", "sex": "male",
                              "birthDate": "2016-04-04"}]}""")
                .post(Platform.CASES + "/cases").then().statusCode(201).extract().jsonPath();
        String caseId = opened.getString("id");
        as(partner).body("""
                {"memberIds": ["%s", "%s"], "givenByMemberId": "%s", "purpose": "referral",
                 "recipientOrganizationIds": ["%s"], "scope": ["identity", "needs"], "method": "verbal_with_witness",
                 "witness": "Socijalna radnica CSR"}""".formatted(opened.getString("members[0].id"),
                        opened.getString("members[1].id"), opened.getString("members[0].id"), COUNSELLING))
                .post(Platform.CASES + "/cases/" + caseId + "/consents").then().statusCode(201);

        String body = """
                {"caseId": "%s", "serviceId": "%s", "priority": "emergency", "protocolId": "%s",
                 "reason": "Dijete zatečeno u prosjačenju kod tržnice", "senderContact": "Dežurni CSR, 036 555 000"}"""
                .formatted(caseId, serviceId, protocol);
        String key = "csr-system-" + caseId;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(partner).header("Idempotency-Key", key).body(body).post(Platform.REFERRALS + "/referrals")
                        .statusCode() == 201);
        String id = as(partner).header("Idempotency-Key", key).body(body).post(Platform.REFERRALS + "/referrals")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("deadlines.deadline", equalTo(java.util.List.of("acknowledge", "first_contact", "plan")))
                .extract().path("id");

        String receiver = Tokens.user("radnik.savjetovaliste");
        for (String step : new String[] {"accept", "start"}) {
            as(receiver).post(Platform.REFERRALS + "/referrals/" + id + "/" + step).then().statusCode(200);
        }
        as(receiver).body("{\"reason\": \"Porodica privremeno nedostupna\"}")
                .post(Platform.REFERRALS + "/referrals/" + id + "/hold").then().statusCode(200);
        as(receiver).post(Platform.REFERRALS + "/referrals/" + id + "/resume").then().statusCode(200)
                .body("status", equalTo("in_progress"));
        as(receiver).post(Platform.REFERRALS + "/referrals/" + id + "/plan").then().statusCode(200);
        as(receiver).body("{\"provided\": \"Smještaj u dnevni centar i savjetovanje majke\", \"needMet\": \"partly\"}")
                .post(Platform.REFERRALS + "/referrals/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("deadlines.findAll { it.metAt != null }.size()", equalTo(3));

        as(partner).get(Platform.REFERRALS + "/referrals/" + id).then().statusCode(200)
                .body("needMet", equalTo("partly")).body("history.size()", equalTo(6));
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(as(partner)
                .get(Platform.CASES + "/cases/" + caseId + "/referrals").then().extract().path("[0].status")));
        as(coordinator).get(Platform.REFERRALS + "/deadlines?state=open&protocolId=" + protocol)
                .then().statusCode(200).body("totalItems", equalTo(0));

        String second = as(partner).body(body.replace("emergency", "urgent")).post(Platform.REFERRALS + "/referrals")
                .then().statusCode(201).extract().path("id");
        as(receiver).body("{\"reasonCode\": \"no_capacity\", \"reason\": \"Popunjeni kapaciteti\"}")
                .post(Platform.REFERRALS + "/referrals/" + second + "/reject").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> reported(supportType, "rejectedByReason.no_capacity") != null);
        as(Tokens.user("analiticar")).queryParam("supportType", supportType).get(Platform.REPORTING + "/reports/referrals")
                .then().body("totals.completed", equalTo(1)).body("completedByNeedMet.partly", equalTo(1));
    }

    /**
     * A token is verified once and then taken as verified for a while: the same token keeps working, but a token
     * with another signature, or with the claims of another organisation under the genuine signature, never finds
     * what the genuine one left and is refused.
     */
    @Test
    void aVerifiedTokenIsTakenAgainButAnAlteredOneIsRefused() {
        String token = Tokens.user("radnik.csr");
        String worklist = Platform.REFERRALS + "/referrals?direction=outgoing";
        // twice on every replica: the second call on a replica finds the token verified
        for (int i = 0; i < 2 * Platform.REPLICAS; i++) {
            as(token).get(worklist).then().statusCode(200);
        }
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        as(otherSignature).get(worklist).then().statusCode(401);
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String claims = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
        String otherOrganisation = claims.replace(CSR, COUNSELLING);
        assertNotEquals(claims, otherOrganisation, "the token names the organisation it acts for");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherOrganisation.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        as(forged).get(worklist).then().statusCode(401);
        as(token).get(worklist).then().statusCode(200);
        // each replica keeps its own cache: the load balancer spread the calls, so look at every replica
        String hits = "refnet_security_verified_tokens_lookups_total{result=\"hit\"}";
        assertTrue(Platform.instances("referral-service").stream()
                .map(i -> given().get(Platform.instanceUrl(i) + "/q/metrics").then().statusCode(200).extract().asString())
                .anyMatch(metrics -> metrics.lines().anyMatch(l -> l.startsWith(hits) && !l.endsWith(" 0.0"))),
                "the genuine token was found verified");
    }
}
