package ba.refnet.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.Topics;
import ba.refnet.referral.domain.Protocol;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.service.DeadlineKeeper;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProtocolDeadlineApiTest {

    static final String CSR = "00000000-0000-4000-8000-0000000000c1";
    static final String NGO = "00000000-0000-4000-8000-0000000000d2";

    static final String PROTOCOL = """
            {"name": "Protokol o zaštiti djece zatečene u prosjačenju", "municipalityCode": "10705",
             "triggerCategory": "child_found_begging",
             "steps": [{"deadline": "acknowledge", "responsibleLegalForm": "centre_for_social_work", "dueHours": 24},
                       {"deadline": "first_contact", "dueHours": 72}, {"deadline": "plan", "dueHours": 168}]}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    LocalCopies copies;

    @Inject
    DeadlineKeeper keeper;

    @Inject
    CloudEventCodec codec;

    @Test
    @TestSecurity(user = "coordinator", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aCoordinatorDefinesAProtocolForTheirWorkingGroup() {
        String id = given().contentType("application/json").body(PROTOCOL).post("/protocols")
                .then().statusCode(201).body("coordinatorOrganizationId", equalTo(CSR))
                .body("escalateAfterHours", equalTo(24)).body("steps.deadline",
                        equalTo(List.of("acknowledge", "first_contact", "plan")))
                .extract().path("id");
        given().get("/protocols/" + id).then().statusCode(200).body("steps[1].dueHours", equalTo(72));
        given().contentType("application/json").body(PROTOCOL.replace("\"name\"",
                "\"coordinatorOrganizationId\": \"" + NGO + "\", \"name\"")).post("/protocols").then().statusCode(403);
        given().contentType("application/json").body(PROTOCOL.replace("\"plan\"", "\"lunch\"")).post("/protocols")
                .then().statusCode(400).body("violations[0].field", equalTo("steps[2].deadline"));
        given().contentType("application/json").body(PROTOCOL.replace("\"first_contact\"", "\"plan\"")).post("/protocols")
                .then().statusCode(400).body("detail", containsString("once"));
        given().contentType("application/json").body(PROTOCOL.replace("\"dueHours\": 72", "\"dueHours\": 0"))
                .post("/protocols").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "csr-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void aReferralUnderAProtocolCarriesItsDeadlinesAndOnlyForQualifyingCases() {
        Protocol protocol = copies.beggingProtocol();
        UUID serviceId = copies.service(LocalCopies.NGO, "accepting", "child_protection");
        UUID begging = copies.caseOf(LocalCopies.CSR, "child_found_begging");
        UUID poverty = copies.caseOf(LocalCopies.CSR, "poverty");
        String body = """
                {"caseId": "%s", "serviceId": "%s", "priority": "emergency", "reason": "Zatečen na raskrsnici",
                 "protocolId": "%s"}""";
        given().contentType("application/json").body(body.formatted(begging, serviceId, protocol.id()))
                .post("/referrals").then().statusCode(201)
                .body("protocolId", equalTo(protocol.id().toString()))
                .body("deadlines.deadline", equalTo(List.of("acknowledge", "first_contact", "plan")))
                .body("deadlines[0].metAt", nullValue());
        given().contentType("application/json").body(body.formatted(poverty, serviceId, protocol.id()))
                .post("/referrals").then().statusCode(400).body("violations[0].field", equalTo("protocolId"))
                .body("detail", containsString("child_found_begging"));
        given().contentType("application/json").body(body.formatted(begging, serviceId, UUID.randomUUID()))
                .post("/referrals").then().statusCode(400).body("violations[0].field", equalTo("protocolId"));
        given().get("/deadlines").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void theReceiversAnswersMeetTheDeadlines() {
        Referral r = copies.referralUnder(copies.beggingProtocol(), 1);
        given().post("/referrals/" + r.id() + "/plan").then().statusCode(409);
        given().post("/referrals/" + r.id() + "/accept").then().statusCode(200)
                .body("deadlines.find { it.deadline == 'acknowledge' }.metAt", not(nullValue()));
        given().post("/referrals/" + r.id() + "/start").then().statusCode(200);
        given().post("/referrals/" + r.id() + "/plan").then().statusCode(200)
                .body("deadlines.findAll { it.metAt != null }", hasSize(3));
        // read back in one statement that joins history and deadlines: each entry once, in order
        given().get("/referrals/" + r.id()).then().statusCode(200)
                .body("history.to", equalTo(List.of("requested", "accepted", "in_progress")))
                .body("deadlines.deadline", equalTo(List.of("acknowledge", "first_contact", "plan")));
    }

    @Test
    @TestSecurity(user = "coordinator", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CSR))
    void missedDeadlinesGoOverdueThenToTheCoordinatorWithEventsAndNoPersonalData() {
        Referral late = copies.referralUnder(copies.beggingProtocol(), 30);
        keeper.sweep(Instant.now());
        String line = "items.find { it.referralId == '" + late.id() + "' }";
        given().get("/deadlines?state=overdue&size=100").then().statusCode(200)
                .body(line + ".deadline", equalTo("acknowledge"))
                .body(line + ".receivingOrganizationId", equalTo(NGO))
                .body(line + ".priority", equalTo("urgent"))
                .body(line + ".status", equalTo("requested"));
        given().get("/deadlines?state=open&size=100").then().statusCode(200)
                .body("items.findAll { it.referralId == '" + late.id() + "' }.deadline", hasItem("plan"));

        keeper.sweep(Instant.now().plus(Duration.ofHours(25)));
        String body = given().get("/deadlines?state=escalated&size=100").then().statusCode(200)
                .body(line + ".deadline", equalTo("acknowledge"))
                .extract().asString();
        assertFalse(body.contains("prosjačenju") || body.contains("Dijete"), "no free text in the worklist");

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<String> types = kafka.consumeStrings()
                    .fromTopics(Topics.REFERRALS, records -> records.select().where(r -> r.key().equals(late.id().toString())))
                    .awaitRecords(2, Duration.ofSeconds(30)).getRecords().stream()
                    .map(r -> codec.parse(r.value()).getType()).toList();
            assertEquals(List.of("ba.refnet.referral.overdue.v1", "ba.refnet.referral.escalated.v1"), types);
        }
        given().get("/deadlines?state=later").then().statusCode(400);
        given().get("/referrals/counts").then().statusCode(403);
        given().get("/deadlines?protocolId=x").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void theReceiversWorklistShowsOverdueReferrals() {
        Referral late = copies.referralUnder(copies.beggingProtocol(), 30);
        Referral fresh = copies.referralUnder(copies.beggingProtocol(), 1);
        keeper.sweep(Instant.now());
        given().get("/referrals?direction=incoming&overdue=true&size=100").then().statusCode(200)
                .body("items.id", hasItem(late.id().toString()))
                .body("items.id", not(hasItem(fresh.id().toString())));
        given().get("/referrals/counts").then().statusCode(200)
                .body("incoming.overdue", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().post("/referrals/" + late.id() + "/accept").then().statusCode(200);
        given().get("/referrals?direction=incoming&overdue=true&size=100").then()
                .body("items.id", not(hasItem(late.id().toString())));
    }

    @Test
    @TestSecurity(user = "other-coordinator", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void aCoordinatorSeesOnlyTheProtocolsTheirOrganisationCoordinates() {
        Referral late = copies.referralUnder(copies.beggingProtocol(), 30);
        keeper.sweep(Instant.now());
        given().get("/deadlines?state=overdue&size=100").then().statusCode(200)
                .body("items.referralId", not(hasItem(late.id().toString())));
        given().get("/referrals/" + late.id()).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "network-admin", roles = "network-admin")
    void aNetworkAdministratorSeesEveryProtocolsDeadlines() {
        Referral late = copies.referralUnder(copies.beggingProtocol(), 30);
        keeper.sweep(Instant.now());
        given().get("/deadlines?state=overdue&size=100").then().statusCode(200)
                .body("items.referralId", hasItem(late.id().toString()));
        given().get("/deadlines?state=overdue&protocolId=" + late.protocolId()).then().statusCode(200)
                .body("totalItems", equalTo(1));
    }
}
