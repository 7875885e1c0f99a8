package ba.refnet.chassis.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.testsupport.RealInfrastructure;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes what committed, marks a row sent only once the broker has acknowledged it, retries while
 * the broker refuses, and several relays at once never publish a row twice.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    CloudEventCodec codec;

    @Inject
    DataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static OrganizationRegisteredV1 registered(UUID organization) {
        return new OrganizationRegisteredV1(organization, "Udruženje", LegalForm.NGO, "10705", Instant.now());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A topic of the test's own, so that what is on it was published by this test. */
    private String aTopic(int partitions, Map<String, String> config) throws Exception {
        String topic = "chassis.test.outbox." + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(config))).all().get();
        }
        return topic;
    }

    /** Rows as {@link Outbox#record} writes them, on the given topic, in one transaction. */
    private List<UUID> unsentRows(String topic, int count) throws SQLException {
        return unsentRows(topic, count, count);
    }

    /**
     * Rows in one transaction, their events spread over {@code aggregates} aggregates in turn: the n-th row is an
     * event of aggregate n % aggregates, so each aggregate has several events in the order of the list.
     */
    private List<UUID> unsentRows(String topic, int count, int aggregates) throws SQLException {
        List<UUID> organizations = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            organizations.add(UUID.randomUUID());
        }
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, cloud_event, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                UUID organization = organizations.get(i % aggregates);
                CloudEvent event = codec.build(EventType.ORGANIZATION_REGISTERED, organization.toString(),
                        registered(organization));
                insert.setObject(1, UUID.fromString(event.getId()));
                insert.setString(2, topic);
                insert.setString(3, organization.toString());
                insert.setString(4, event.getType());
                insert.setString(5, codec.serialize(event));
                insert.setObject(6, OffsetDateTime.now());
                insert.addBatch();
                ids.add(UUID.fromString(event.getId()));
            }
            insert.executeBatch();
            c.commit();
        }
        return ids;
    }

    private long unsent(List<UUID> ids) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement count = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE id = ANY(?) AND sent_at IS NULL")) {
            count.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean recorded(String eventId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement find = c.prepareStatement(
                "SELECT 1 FROM outbox_event WHERE id = ?")) {
            find.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** How many records the topic holds, all partitions together. */
    private long recordsOn(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private List<String> eventIdsOn(String topic, int count) {
        return recordsOf(topic, count).stream().map(r -> codec.parse(r.value()).getId()).toList();
    }

    private List<ConsumerRecord<String, String>> recordsOf(String topic, int count) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            return kafka.consumeStrings().fromTopics(topic, count).awaitCompletion(Duration.ofSeconds(30)).getRecords();
        }
    }

    /** Each aggregate's event ids in the order its partition holds them. */
    private static Map<String, List<String>> eventsByAggregate(List<ConsumerRecord<String, String>> records,
            Function<String, String> eventId) {
        Map<String, List<String>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : records.stream()
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset)).toList()) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(eventId.apply(r.value()));
        }
        return byKey;
    }

    /** The ids of {@link #unsentRows(String, int, int)} grouped per aggregate, in the order they were written. */
    private Map<String, List<String>> writtenByAggregate(List<UUID> rows) throws SQLException {
        Map<String, List<String>> byKey = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement find = c.prepareStatement(
                "SELECT message_key, id FROM outbox_event WHERE id = ANY(?) ORDER BY seq")) {
            find.setArray(1, c.createArrayOf("uuid", rows.toArray()));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return byKey;
    }

    @Test
    void anEventRecordedInACommittedTransactionIsPublishedAndMarkedSent() throws Exception {
        UUID organization = UUID.randomUUID();
        CloudEvent event = QuarkusTransaction.requiringNew().call(() -> outbox.record(
                EventType.ORGANIZATION_REGISTERED, organization, registered(organization)));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ConsumerRecord<String, String> published = kafka.consumeStrings()
                    .fromTopics(Topics.ORGANIZATIONS, r -> r.select().where(x -> x.key().equals(organization.toString())))
                    .awaitRecords(1, Duration.ofSeconds(30)).getRecords().get(0);
            assertEquals(event.getId(), codec.parse(published.value()).getId());
            assertEquals(CloudEventCodec.CONTENT_TYPE, new String(published.headers().lastHeader("content-type")
                    .value(), StandardCharsets.UTF_8));
        }
        UUID id = UUID.fromString(event.getId());
        await().atMost(Duration.ofSeconds(10)).until(() -> unsent(List.of(id)) == 0);
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() throws Exception {
        UUID organization = UUID.randomUUID();
        List<String> recorded = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            recorded.add(outbox.record(EventType.ORGANIZATION_REGISTERED, organization, registered(organization))
                    .getId());
            throw new IllegalStateException("the change itself failed");
        }));
        assertEquals(1, recorded.size());
        assertFalse(recorded(recorded.get(0)));
    }

    @Test
    void aRowIsMarkedSentOnlyOnceTheBrokerAcknowledgesItAndTheRelayRetriesUntilItDoes() throws Exception {
        // a topic that takes no record of an event's size: the broker answers every send with an error
        String topic = aTopic(1, Map.of("max.message.bytes", "64"));
        List<UUID> row = unsentRows(topic, 1);
        // the relay polls every second and backs off from 200 ms: several attempts fail meanwhile
        Thread.sleep(Duration.ofSeconds(5));
        assertEquals(1, unsent(row), "no acknowledgement, so not sent");
        assertEquals(0, recordsOn(topic, 1), "and nothing on the topic");

        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048588"), AlterConfigOp.OpType.SET))))
                    .all().get();
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> unsent(row) == 0);
        assertEquals(List.of(row.get(0).toString()), eventIdsOn(topic, 1));
        assertEquals(1, recordsOn(topic, 1), "once");
    }

    @Test
    void relaysClaimingAtTheSameTimePublishEveryRowExactlyOnceAndEachAggregateInOrder() throws Exception {
        int partitions = 3;
        String topic = aTopic(partitions, Map.of());
        List<UUID> rows = unsentRows(topic, 400, 8);
        // two more relays next to the running one, started together
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> relays = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            relays.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                int published = 0;
                for (int sent = relay.publishBatch(); sent > 0; sent = relay.publishBatch()) {
                    published += sent;
                }
                return published;
            }));
        }
        start.countDown();
        for (CompletableFuture<Integer> other : relays) {
            assertTrue(other.get() <= rows.size());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent(rows) == 0);

        assertEquals(rows.size(), recordsOn(topic, partitions), "each row once on the topic");
        List<ConsumerRecord<String, String>> records = recordsOf(topic, rows.size());
        Map<String, Long> copies = records.stream().map(r -> codec.parse(r.value()).getId())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(rows.stream().map(UUID::toString).collect(Collectors.toSet()), copies.keySet());
        assertTrue(copies.values().stream().allMatch(n -> n == 1), "no row published twice");
        assertEquals(writtenByAggregate(rows), eventsByAggregate(records, v -> codec.parse(v).getId()),
                "each aggregate's events on its partition in the order they were written");
    }

    /**
     * A relay that has claimed the first rows and not yet published them (waiting for the broker, or about to fail
     * and roll back) holds every other relay back: none publishes an aggregate's later events before its earlier
     * ones. The stalled relay is this test's own transaction, taking the lock and the claim as a relay does.
     */
    @Test
    void aSecondRelayWaitsForTheFirstInsteadOfOvertakingItsRows() throws Exception {
        String topic = aTopic(1, Map.of());
        List<UUID> rows = unsentRows(topic, 40, 4);
        CompletableFuture<Integer> second;
        try (Connection stalled = db.getConnection()) {
            stalled.setAutoCommit(false);
            try (var lock = stalled.createStatement(); var claim = stalled.prepareStatement("""
                    SELECT id FROM outbox_event WHERE id = ANY(?) ORDER BY seq LIMIT 10 FOR UPDATE SKIP LOCKED""")) {
                lock.execute(OutboxRelay.ONE_RELAY_AT_A_TIME);
                claim.setArray(1, stalled.createArrayOf("uuid", rows.toArray()));
                claim.executeQuery().close();
            }
            second = CompletableFuture.supplyAsync(relay::publishBatch);
            Thread.sleep(Duration.ofSeconds(3));
            assertEquals(0, recordsOn(topic, 1), "nothing published while the first relay holds its rows");
            assertEquals(rows.size(), unsent(rows));
            stalled.rollback();
        }
        second.get(30, java.util.concurrent.TimeUnit.SECONDS); // it (or the service's own relay) goes on
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent(rows) == 0);
        List<ConsumerRecord<String, String>> records = recordsOf(topic, rows.size());
        assertEquals(rows.size(), records.size());
        assertEquals(writtenByAggregate(rows), eventsByAggregate(records, v -> codec.parse(v).getId()));
    }
}
