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
import ba.refnet.contracts.referral.NeedMet;
import ba.refnet.contracts.referral.Priority;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatus;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
@TestProfile(WithoutSuppression.class)
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
                CSR, NGO, service, types, Priority.ROUTINE, "10705",
                List.of(new Person(UUID.randomUUID().toString(), "child", "child", "male")), List.of(), List.of(), now));
        String accepted = event(EventType.REFERRAL_ACCEPTED, first, new ReferralAcceptedV1(first, UUID.randomUUID(),
                CSR, NGO, service, types, now, now.plusSeconds(3600)));
        String otherRequested = event(EventType.REFERRAL_REQUESTED, second, new ReferralRequestedV1(second,
                UUID.randomUUID(), CSR, NGO, service, types, Priority.URGENT, "10705", List.of(), List.of(), List.of(), now));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    EventRecords.cloudEvent(Topics.REFERRALS, first.toString(), accepted),
                    EventRecords.cloudEvent(Topics.REFERRALS, first.toString(), requested),
                    EventRecords.cloudEvent(Topics.REFERRALS, first.toString(), requested),
                    EventRecords.cloudEvent(Topics.REFERRALS, second.toString(), otherRequested)).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> report("parent_education").getLong("totals.requested") == 2);
        JsonPath funnel = report("parent_education");
        assertEquals(1, funnel.getLong("totals.accepted"));
        assertEquals("parent_education", funnel.getString("bySupportType[0].supportType"));
        assertEquals(2, funnel.getLong("bySupportType[0].counts.requested"));
        given().queryParam("organizationId", UUID.randomUUID()).get("/reports/referrals")
                .then().statusCode(200).body("totals.requested", equalTo(0));
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
                                    List.of("legal_aid"), Priority.ROUTINE, null, List.of(), List.of(), List.of(),
                                    Instant.now()))))
                    .awaitCompletion();
            List<ConsumerRecord<String, String>> dead = kafka.consumeStrings()
                    .fromTopics(Topics.deadLetter("reporting-service"),
                            records -> records.select().where(r -> key.equals(r.key())))
                    .awaitRecords(2, Duration.ofSeconds(30)).getRecords();
            assertEquals(2, dead.size(), "the garbage and the event with wrong data");
            assertFalse(new String(dead.get(1).headers().lastHeader("dead-letter-reason").value()).isBlank());
        }
        // other test classes publish legal-aid referrals too: count only this sender's
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("supportType", "legal_aid")
                .queryParam("organizationId", CSR.toString()).get("/reports/referrals").then().extract().jsonPath()
                .getLong("totals.requested") == 1);
    }

    private String step(EventType type, UUID referral, UUID sender, UUID receiver, String from, String to,
            String reasonCode, String needMet, Instant requestedAt, Instant changedAt) {
        return event(type, referral, new ReferralStatusChangedV1(referral, UUID.randomUUID(), sender, receiver,
                UUID.randomUUID(), List.of("day_centre"), Priority.ROUTINE, ReferralStatus.ofCode(from), ReferralStatus.ofCode(to),
                reasonCode, needMet == null ? null : NeedMet.ofCode(needMet), null, requestedAt,
                changedAt));
    }

    @Test
    @TestSecurity(user = "coordinator", roles = "coordinator")
    void everyStepOfTheLoopReachesTheFunnelWithReasonsOutcomesAndWaitingTimes() {
        UUID sender = UUID.randomUUID();
        UUID receiver = UUID.randomUUID();
        UUID completed = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(48 * 3600);
        List<String> types = List.of("day_centre");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    EventRecords.cloudEvent(Topics.REFERRALS, completed.toString(), event(EventType.REFERRAL_REQUESTED,
                            completed, new ReferralRequestedV1(completed, UUID.randomUUID(), sender, receiver,
                                    UUID.randomUUID(), types, Priority.URGENT, "10705", List.of(), List.of(), List.of(), t0))),
                    EventRecords.cloudEvent(Topics.REFERRALS, completed.toString(), event(EventType.REFERRAL_ACCEPTED,
                            completed, new ReferralAcceptedV1(completed, UUID.randomUUID(), sender, receiver,
                                    UUID.randomUUID(), types, t0, t0.plusSeconds(2 * 3600)))),
                    EventRecords.cloudEvent(Topics.REFERRALS, completed.toString(), step(EventType.REFERRAL_STARTED,
                            completed, sender, receiver, "accepted", "in_progress", null, null, t0,
                            t0.plusSeconds(3 * 3600))),
                    EventRecords.cloudEvent(Topics.REFERRALS, completed.toString(), step(EventType.REFERRAL_COMPLETED,
                            completed, sender, receiver, "in_progress", "completed", null, "partly", t0,
                            t0.plusSeconds(24 * 3600))),
                    EventRecords.cloudEvent(Topics.REFERRALS, rejected.toString(), step(EventType.REFERRAL_REJECTED,
                            rejected, sender, receiver, "requested", "rejected", "no_capacity", null, t0,
                            t0.plusSeconds(3600))),
                    EventRecords.cloudEvent(Topics.REFERRALS, failed.toString(), event(EventType.REFERRAL_ACCEPTED,
                            failed, new ReferralAcceptedV1(failed, UUID.randomUUID(), sender, receiver,
                                    UUID.randomUUID(), types, t0, t0.plusSeconds(4 * 3600)))),
                    EventRecords.cloudEvent(Topics.REFERRALS, failed.toString(), step(EventType.REFERRAL_FAILED,
                            failed, sender, receiver, "accepted", "failed", "could_not_contact", null, t0,
                            t0.plusSeconds(30 * 3600)))).awaitCompletion();
        }
        // the three referrals travel on different partitions: wait until every one has arrived
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var totals = given().queryParam("organizationId", receiver).get("/reports/referrals").then().extract()
                    .jsonPath();
            return totals.getLong("totals.failed") == 1 && totals.getLong("totals.completed") == 1
                    && totals.getLong("totals.rejected") == 1 && totals.getLong("totals.requested") == 3;
        });
        given().queryParam("organizationId", sender).get("/reports/referrals").then().statusCode(200)
                .body("totals.requested", equalTo(3))
                .body("totals.accepted", equalTo(2))
                .body("totals.rejected", equalTo(1))
                .body("totals.started", equalTo(1))
                .body("totals.completed", equalTo(1))
                .body("totals.failed", equalTo(1))
                .body("totals.redirected", equalTo(0))
                .body("rejectedByReason.no_capacity", equalTo(1))
                .body("failedByReason.could_not_contact", equalTo(1))
                .body("completedByNeedMet.partly", equalTo(1))
                .body("timeToAcceptance.referrals", equalTo(2))
                .body("timeToAcceptance.medianHours", equalTo(3.0f))
                .body("timeToCompletion.medianHours", equalTo(24.0f))
                .body("bySupportType[0].supportType", equalTo("day_centre"))
                .body("bySupportType[0].counts.requested", equalTo(3));
    }

    private static float medianHoursToAcceptance(UUID organization, String from, String to) {
        return given().queryParam("organizationId", organization).queryParam("from", from).queryParam("to", to)
                .get("/reports/referrals").then().statusCode(200).extract().jsonPath()
                .getFloat("timeToAcceptance.medianHours");
    }

    /**
     * An organisation's waiting times are kept per month: a period that covers part of a month reads the facts of
     * its days, the month less its other days, or the month alone, whichever is least. All three give the times of
     * exactly the period's referrals.
     */
    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void waitingTimesOfPartOfAMonthCountOnlyThePeriodsReferrals() {
        UUID receiver = UUID.randomUUID();
        // requested on 3, 10, 20 and 25 March at 10:00 UTC, accepted after 1, 2, 3 and 10 hours
        int[][] dayAndHours = {{3, 1}, {10, 2}, {20, 3}, {25, 10}};
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            for (int[] referral : dayAndHours) {
                UUID id = UUID.randomUUID();
                Instant requested = Instant.parse("2026-03-%02dT10:00:00Z".formatted(referral[0]));
                kafka.produceStrings().fromRecords(EventRecords.cloudEvent(Topics.REFERRALS, id.toString(),
                        event(EventType.REFERRAL_ACCEPTED, id, new ReferralAcceptedV1(id, UUID.randomUUID(), CSR,
                                receiver, UUID.randomUUID(), List.of("shelter"), requested,
                                requested.plusSeconds(referral[1] * 3600L))))).awaitCompletion();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("organizationId", receiver)
                .queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").get("/reports/referrals").then()
                .extract().jsonPath().getLong("totals.accepted") == 4);
        assertEquals(2.5f, medianHoursToAcceptance(receiver, "2026-03-02", "2026-03-31"), "the month alone");
        assertEquals(3f, medianHoursToAcceptance(receiver, "2026-03-04", "2026-03-31"), "the month less 3 March");
        assertEquals(6.5f, medianHoursToAcceptance(receiver, "2026-03-15", "2026-03-31"), "20 and 25 March");
        assertEquals(2f, medianHoursToAcceptance(receiver, "2026-02-15", "2026-03-21"), "the month less 25 March");
    }

    /**
     * A support type with types below it counts a referral for two of its types once. A place reads its family's
     * cells, an organisation its facts: both give the same figures.
     */
    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void aTypeWithTypesBelowItCountsEachReferralOnceAndBreaksDownByItsTypes() {
        UUID receiver = UUID.randomUUID();
        String celic = "10302";
        Instant requested = Instant.now().minusSeconds(3 * 3600);
        List<List<String>> typesOfReferrals = List.of(List.of("psychosocial.counselling", "psychosocial.psychotherapy"),
                List.of("psychosocial"), List.of("legal_aid"));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            for (int i = 0; i < typesOfReferrals.size(); i++) {
                UUID id = UUID.randomUUID();
                UUID household = UUID.randomUUID();
                List<String> types = typesOfReferrals.get(i);
                kafka.produceStrings().fromRecords(EventRecords.cloudEvent(Topics.REFERRALS, id.toString(),
                        event(EventType.REFERRAL_REQUESTED, id, new ReferralRequestedV1(id, household, CSR, receiver,
                                UUID.randomUUID(), types, Priority.ROUTINE, celic, List.of(), List.of(), List.of(),
                                requested))),
                        EventRecords.cloudEvent(Topics.REFERRALS, id.toString(), event(EventType.REFERRAL_ACCEPTED, id,
                                new ReferralAcceptedV1(id, household, CSR, receiver, UUID.randomUUID(), types,
                                        requested, requested.plusSeconds((i + 1) * 3600L))))).awaitCompletion();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("organizationId", receiver)
                .get("/reports/referrals").then().extract().jsonPath().getLong("totals.accepted") == 3);
        for (String place : List.of("municipality=" + celic, "organizationId=" + receiver)) {
            given().get("/reports/referrals?supportType=psychosocial&" + place).then().statusCode(200)
                    .body("totals.requested", equalTo(2))
                    .body("timeToAcceptance.medianHours", equalTo(1.5f))
                    .body("bySupportType.supportType", equalTo(List.of("psychosocial", "psychosocial.counselling",
                            "psychosocial.psychotherapy")))
                    .body("bySupportType.counts.requested", equalTo(List.of(1, 1, 1)));
            given().get("/reports/referrals?" + place).then()
                    .body("totals.requested", equalTo(3))
                    .body("bySupportType.supportType", equalTo(List.of("legal_aid", "psychosocial",
                            "psychosocial.counselling", "psychosocial.psychotherapy")));
        }
        given().get("/reports/deadlines?supportType=psychosocial").then().statusCode(200)
                .body("byOrganization.find { it.id == '" + receiver + "' }.referrals", equalTo(2));
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
