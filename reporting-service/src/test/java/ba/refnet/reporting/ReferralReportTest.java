package ba.refnet.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.problem.Problem;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReferralReportTest {

    static final UUID CSR = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    private String event(EventType type, UUID referralId, Object payload) {
        return codec.serialize(codec.build(type, referralId.toString(), payload));
    }

    private static JsonPath report(String supportType) {
        return given().queryParam("supportType", supportType).get("/reports/referrals")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void requestedAndAcceptedEventsBecomeTheFunnelAndRedeliveryCountsOnce() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        Instant now = Instant.now();
        List<String> types = List.of("parent_education");
        String requested = event(EventType.REFERRAL_REQUESTED, first, new ReferralRequestedV1(first, UUID.randomUUID(),
                CSR, NGO, service, types, "routine", "11070",
                List.of(new Person(UUID.randomUUID().toString(), "child", "child", "male")), now));
        String accepted = event(EventType.REFERRAL_ACCEPTED, first, new ReferralAcceptedV1(first, UUID.randomUUID(),
                CSR, NGO, service, types, now, now.plusSeconds(3600)));
        String otherRequested = event(EventType.REFERRAL_REQUESTED, second, new ReferralRequestedV1(second,
                UUID.randomUUID(), CSR, NGO, service, types, "urgent", "11070", List.of(), now));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    EventRecords.cloudEvent(Topics.REFERRALS, first.toString(), accepted),
                    EventRecords.cloudEvent(Topics.REFERRALS, first.toString(), requested),
                    EventRecords.cloudEvent(Topics.REFERRALS, first.toString(), requested),
                    EventRecords.cloudEvent(Topics.REFERRALS, second.toString(), otherRequested)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> report("parent_education").getLong("requested") == 2);
        JsonPath funnel = report("parent_education");
        assertEquals(1, funnel.getLong("accepted"));
        assertEquals("parent_education", funnel.getString("bySupportType[0].supportType"));
        assertEquals(2, funnel.getLong("bySupportType[0].requested"));
        given().queryParam("organizationId", UUID.randomUUID()).get("/reports/referrals")
                .then().statusCode(200).body("requested", equalTo(0));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void aMalformedEventGoesToTheDeadLetterTopicAndTheProjectionCarriesOn() {
        String key = UUID.randomUUID().toString();
        UUID after = UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            String wrongData = event(EventType.REFERRAL_ACCEPTED, UUID.randomUUID(), new ReferralAcceptedV1(
                    UUID.randomUUID(), null, null, null, null, List.of(), Instant.now(), Instant.now()))
                    .replace("\"supportTypes\":[]", "\"supportTypes\":17");
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.REFERRALS, key, "garbage"),
                    EventRecords.cloudEvent(Topics.REFERRALS, key, wrongData),
                    EventRecords.cloudEvent(Topics.REFERRALS, after.toString(), event(EventType.REFERRAL_REQUESTED, after,
                            new ReferralRequestedV1(after, UUID.randomUUID(), CSR, NGO, UUID.randomUUID(),
                                    List.of("legal_aid"), "routine", null, List.of(), Instant.now()))))
                    .awaitCompletion();
            List<ConsumerRecord<String, String>> dead = kafka.consumeStrings()
                    .fromTopics(Topics.deadLetter("reporting-service"))
                    .awaitNextRecords(2, Duration.ofSeconds(30)).getRecords();
            assertFalse(dead.stream().filter(r -> key.equals(r.key())).toList().size() < 2);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> report("legal_aid").getLong("requested") == 1);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void invalidPeriodsAndFiltersAreRefused() {
        given().queryParam("from", "2026-13-01").get("/reports/referrals")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2026-05-01").queryParam("to", "2026-04-01").get("/reports/referrals")
                .then().statusCode(400).body("detail", containsString("after it ends"));
        given().queryParam("organizationId", "csr-mostar").get("/reports/referrals")
                .then().statusCode(400).body("violations[0].field", equalTo("organizationId"));
    }

    @Test
    @TestSecurity(user = "worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = "00000000-0000-4000-8000-0000000000c1"))
    void caseWorkersDoNotReadReports() {
        given().get("/reports/referrals").then().statusCode(403);
    }

    @Test
    void withoutATokenReportsAreUnauthorised() {
        given().get("/reports/referrals").then().statusCode(401);
    }
}
