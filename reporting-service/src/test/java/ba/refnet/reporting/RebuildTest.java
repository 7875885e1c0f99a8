package ba.refnet.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.cases.CaseMemberChangedV1;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.referral.NeedMet;
import ba.refnet.contracts.referral.Priority;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatus;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.contracts.registry.MembershipChange;
import ba.refnet.contracts.registry.NetworkKind;
import ba.refnet.contracts.registry.NetworkMembershipChangedV1;
import ba.refnet.reporting.messaging.CaseProjection;
import ba.refnet.reporting.messaging.DirectoryProjection;
import ba.refnet.reporting.messaging.ReferralProjection;
import ba.refnet.reporting.service.Aggregates;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The projections are a function of the topics: replaying every topic from its start into emptied tables gives
 * exactly the figures there were. (On the platform, {@code deploy/platform.sh rebuild-reports} does this with the
 * service itself: empty database, forgotten offsets, replay.)
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RebuildTest {

    static final List<String> REPORTS = List.of("/reports/referrals", "/reports/beneficiaries", "/reports/conferences",
            "/reports/deadlines", "/reports/network");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    @Inject
    ReferralProjection referrals;

    @Inject
    CaseProjection cases;

    @Inject
    DirectoryProjection directory;

    @Inject
    CloudEventCodec codec;

    @Inject
    Aggregates aggregates;

    private ProducerRecord<String, String> event(String topic, EventType type, UUID key, Object payload) {
        return EventRecords.cloudEvent(topic, key.toString(), codec.serialize(codec.build(type, key.toString(), payload)));
    }

    private static Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        REPORTS.forEach(path -> figures.put(path, given().get(path).then().statusCode(200).extract().asString()));
        return figures;
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void replayingTheTopicsIntoEmptyTablesGivesTheSameFigures() {
        UUID organization = UUID.randomUUID();
        List<ProducerRecord<String, String>> events = new ArrayList<>();
        List<UUID> receivers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID caseId = UUID.randomUUID();
            UUID referral = UUID.randomUUID();
            List<Person> people = List.of(new Person(UUID.randomUUID().toString(), "child", "child", "female"),
                    new Person(UUID.randomUUID().toString(), "parent_or_guardian", "adult", "female"));
            Instant now = Instant.now();
            events.add(event(Topics.CASES, EventType.CASE_OPENED, caseId, new CaseOpenedV1(caseId, organization,
                    "10705", people, List.of("poverty"), List.of("material"), now)));
            events.add(event(Topics.REFERRALS, EventType.REFERRAL_REQUESTED, referral, new ReferralRequestedV1(referral,
                    caseId, organization, UUID.randomUUID(), UUID.randomUUID(), List.of("material"), Priority.ROUTINE, "10705",
                    people, List.of("needs"), List.of(), now)));
            UUID receiver = UUID.randomUUID();
            receivers.add(receiver);
            // the household was reached forty days before too: a change of today leaves that month as it is
            UUID earlier = UUID.randomUUID();
            Instant before = now.minus(Duration.ofDays(40));
            events.add(event(Topics.REFERRALS, EventType.REFERRAL_ACCEPTED, earlier, new ReferralAcceptedV1(earlier,
                    caseId, organization, receiver, UUID.randomUUID(), List.of("material"), before,
                    before.plusSeconds(3600))));
            ProducerRecord<String, String> accepted = event(Topics.REFERRALS, EventType.REFERRAL_ACCEPTED, referral,
                    new ReferralAcceptedV1(referral, caseId, organization, receiver, UUID.randomUUID(),
                            List.of("material", "educational"), now.minusSeconds(3600 * i), now));
            if (i % 2 == 0) {
                events.add(accepted);
            }
            events.add(event(Topics.REFERRALS, EventType.REFERRAL_REQUESTED, referral, new ReferralRequestedV1(referral,
                    caseId, organization, receiver, UUID.randomUUID(), List.of("material", "educational"), Priority.ROUTINE,
                    "10705", people, List.of("needs"), List.of(), now.minusSeconds(3600 * i))));
            if (i % 2 == 1) {
                events.add(accepted);
            }
            // a later step, a person added after the acceptance, the receiver joining a working group afterwards
            events.add(event(Topics.REFERRALS, EventType.REFERRAL_COMPLETED, referral, new ReferralStatusChangedV1(
                    referral, caseId, organization, receiver, UUID.randomUUID(), List.of("material", "educational"),
                    Priority.ROUTINE, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED, null, NeedMet.FULLY, null, now.minusSeconds(3600 * i), now)));
            events.add(event(Topics.CASES, EventType.CASE_MEMBER_ADDED, caseId, new CaseMemberChangedV1(caseId,
                    organization, new Person(UUID.randomUUID().toString(), "child", "youth", "male"), now)));
            events.add(event(Topics.NETWORKS, EventType.NETWORK_MEMBERSHIP_CHANGED, receiver,
                    new NetworkMembershipChangedV1(UUID.randomUUID(), "Radna grupa", NetworkKind.WORKING_GROUP,
                            organization, "10705", receiver, MembershipChange.JOINED, now)));
        }
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(events).awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(10).equals(given()
                .queryParam("organizationId", organization.toString()).get("/reports/beneficiaries").then().extract()
                .path("total.childrenAndYouth")));
        // memberships travel on their own topic and channel: the figures to compare include them
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM network_member_fact WHERE organization_id = ANY(?1)")
                .setParameter(1, receivers.toArray(new UUID[0])).getSingleResult()).intValue() == receivers.size()));
        assertAggregatesAreTheSumOfTheFacts();
        Map<String, String> before = figures();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                TRUNCATE referral_fact, case_fact, case_person, conference_fact, organization_fact, service_fact,
                         network_member_fact, memorandum_fact, processed_event, referral_day, referral_day_reason,
                         referral_wait, household_figures""").executeUpdate());
        assertEquals(0, given().get("/reports/beneficiaries").then().extract().jsonPath().getInt("total.households"));

        Map<String, Consumer<List<String>>> projections = Map.of(
                Topics.REFERRALS, referrals::project,
                Topics.CASES, cases::project,
                Topics.ORGANIZATIONS, message -> directory.onOrganizationEvent(message.get(0)),
                Topics.SERVICES, message -> directory.onServiceEvent(message.get(0)),
                Topics.NETWORKS, message -> directory.onNetworkEvent(message.get(0)));
        int replayed = 0;
        for (ConsumerRecord<String, String> record : everyRecord(projections.keySet())) {
            try {
                QuarkusTransaction.requiringNew().run(() -> projections.get(record.topic())
                        .accept(List.of(record.value())));
                replayed++;
            } catch (RuntimeException malformed) {
                // the live consumer sent these to the dead-letter topic; they never reached a figure
            }
        }
        assertTrue(replayed >= events.size(), "replayed " + replayed + " events");
        assertEquals(before, figures());
        assertAggregatesAreTheSumOfTheFacts();
    }

    /**
     * What the projections kept up event by event (out of order, in batches, across channels) equals the aggregates
     * computed afresh from the facts. Checked in a transaction that is rolled back, holding the projections' lock.
     */
    private void assertAggregatesAreTheSumOfTheFacts() {
        Map<String, String> tables = Map.of(
                "referral_day", "requested <> 0 OR accepted <> 0 OR rejected <> 0 OR cancelled <> 0 OR started <> 0 "
                        + "OR completed <> 0 OR failed <> 0 OR redirected <> 0 OR overdue <> 0 OR escalated <> 0",
                "referral_day_reason", "referrals <> 0",
                "referral_wait", "referrals <> 0",
                "household_figures", "households <> 0 OR young <> 0 OR adults <> 0 OR age_unknown <> 0");
        QuarkusTransaction.begin();
        try {
            aggregates.lock();
            tables.forEach((table, kept) -> em.createNativeQuery("CREATE TEMP TABLE kept_" + table
                    + " ON COMMIT DROP AS SELECT * FROM " + table + " WHERE " + kept).executeUpdate());
            aggregates.recompute();
            tables.forEach((table, kept) -> {
                long rows = ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult())
                        .longValue();
                long differing = ((Number) em.createNativeQuery("SELECT count(*) FROM ((TABLE kept_" + table
                        + " EXCEPT ALL TABLE " + table + ") UNION ALL (TABLE " + table + " EXCEPT ALL TABLE kept_"
                        + table + ")) AS d").getSingleResult()).longValue();
                assertTrue(rows > 0, table + " has figures");
                assertEquals(0, differing, table + " differs from the facts in " + differing + " rows");
            });
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Every record of the topics, from the start to the current end. */
    private List<ConsumerRecord<String, String>> everyRecord(Iterable<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
