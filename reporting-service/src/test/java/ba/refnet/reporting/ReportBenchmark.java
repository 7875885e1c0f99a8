package ba.refnet.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.referral.NeedMet;
import ba.refnet.contracts.referral.Priority;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatus;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.reporting.service.Aggregates;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import ba.refnet.testsupport.Timings;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reports over a year of 1,000,000 referrals and 300,000 households; projection throughput; the time from an
 * event to the changed figure on the live feed. A benchmark, not a test: it prints figures and runs only on request
 * ({@code ./mvnw -B -pl reporting-service -am verify -Dbenchmarks.excluded=none -Dtest=ReportBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@Tag("benchmark")
class ReportBenchmark {

    /** The facts seeded: 1,000,000 referrals unless -Dbenchmark.referrals says otherwise; households three in ten. */
    private static final int REFERRALS = Integer.getInteger("benchmark.referrals", 1_000_000);
    private static final int CASES = REFERRALS / 10 * 3;
    private static final int RUNS = 50;
    private static final int FACTS_RUNS = 20;
    private static final int THROUGHPUT_EVENTS = 20_000;
    private static final int THROUGHPUT_BURSTS = 3;
    private static final int LATENCY_SAMPLES = 100;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    @Inject
    CloudEventCodec codec;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Aggregates aggregates;

    @TestHTTPResource("/reports/feed")
    URI feed;

    /**
     * A year of facts with independent, spread dimensions (a hash of the row number picks each), then the aggregates
     * computed from them by the same functions the projections use.
     */
    private void seed() throws SQLException {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            em.createNativeQuery("""
                    INSERT INTO case_fact (case_id, organization_id, municipality_code, vulnerabilities, needs, opened_at)
                    SELECT gen_random_uuid(), ('00000000-0000-4000-8000-0000000000' || lpad((i % 50)::text, 2, '0'))::uuid,
                           (ARRAY['10705','10701','10302','20001','20002','30001','10901','10401'])[1 + abs(hashtext(i || 'm')) % 8],
                           ARRAY[(ARRAY['poverty','risk_of_family_separation','roma_community'])[1 + abs(hashtext(i || 'v')) % 3]],
                           ARRAY['material'],
                           timestamptz '2026-01-01' + (abs(hashtext(i || 'd')) % 320) * interval '1 day'
                    FROM generate_series(1, ?1) AS i""").setParameter(1, CASES).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO case_person (member_id, case_id, role, age_band, sex)
                    SELECT gen_random_uuid(), c.case_id, r.role, r.band, 'female'
                    FROM case_fact c CROSS JOIN (VALUES ('child','child'), ('child','youth'), ('parent_or_guardian','adult'))
                      AS r(role, band)""").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id, service_id,
                        support_types, municipality_code, priority, requested_at, accepted_at, rejected_at,
                        rejection_reason, completed_at, need_met, overdue_at, case_id)
                    SELECT gen_random_uuid(), c.organization_id,
                           ('00000000-0000-4000-8000-0000000001' || lpad((abs(hashtext(i || 'r')) % 50)::text, 2, '0'))::uuid,
                           gen_random_uuid(),
                           ARRAY[(ARRAY['educational','health','material','psychosocial.counselling','legal_aid'])[1 + abs(hashtext(i || 't')) % 5]],
                           c.municipality_code, 'routine', c.opened_at + h.requested * interval '1 minute',
                           CASE WHEN h.step < 7 THEN c.opened_at + (h.requested + h.accepting) * interval '1 minute' END,
                           CASE WHEN h.step = 7 THEN c.opened_at + (h.requested + h.accepting) * interval '1 minute' END,
                           CASE WHEN h.step = 7 THEN (ARRAY['no_capacity','outside_mandate','not_eligible'])[1 + h.accepting % 3] END,
                           CASE WHEN h.step < 4 THEN c.opened_at + (h.requested + h.completing) * interval '1 minute' END,
                           CASE WHEN h.step < 4 THEN (ARRAY['fully','partly'])[1 + h.completing % 2] END,
                           CASE WHEN h.step = 9 THEN c.opened_at + (h.requested + 1440) * interval '1 minute' END,
                           c.case_id
                    FROM generate_series(1, ?1) AS i
                    CROSS JOIN LATERAL (SELECT abs(hashtext(i || 's')) % 10 AS step, abs(hashtext(i || 'q')) % 2400 AS requested,
                                               60 + abs(hashtext(i || 'a')) % 4260 AS accepting,
                                               1440 + abs(hashtext(i || 'c')) % 41760 AS completing) h
                    JOIN (SELECT case_id, organization_id, municipality_code, opened_at,
                                 row_number() OVER () - 1 AS n FROM case_fact) c ON c.n = abs(hashtext(i || 'h')) % ?2""")
                    .setParameter(1, REFERRALS).setParameter(2, CASES).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO network_member_fact (network_id, network_name, network_kind, organization_id)
                    SELECT '00000000-0000-4000-8000-00000000ffff', 'Radna grupa', 'working_group',
                           ('00000000-0000-4000-8000-0000000001' || lpad(i::text, 2, '0'))::uuid
                    FROM generate_series(0, 9) AS i""").executeUpdate();
        });
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(3600).run(aggregates::recompute);
        System.out.printf(Locale.ROOT, "aggregates computed from the facts in %.1f s%n", (System.nanoTime() - start) / 1e9);
        // as autovacuum leaves tables after a bulk load: statistics, and pages marked visible for index-only scans
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM ANALYZE");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("referral_fact", "referral_day", "referral_wait", "household_figures")) {
                System.out.println(table + ": " + em.createNativeQuery("SELECT count(*) FROM " + table)
                        .getSingleResult() + " rows");
            }
        });
    }

    private static void time(String query, int runs) {
        assertTrue(given().get(query).then().statusCode(200).extract().asString().length() > 2, query);
        System.out.println(Timings.summary(query, Timings.measure(runs,
                () -> given().get(query).then().statusCode(200))));
    }

    private ProducerRecord<String, String> event(EventType type, UUID key, Object payload) {
        return EventRecords.cloudEvent(Topics.REFERRALS, key.toString(), codec.serialize(codec.build(type,
                key.toString(), payload)));
    }

    private long processed() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = 'reporting-referral-projection'")
                .getSingleResult()).longValue());
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void figures() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        System.out.printf(Locale.ROOT, "seeded %d households and %d referrals in %.1f s%n", CASES, REFERRALS,
                (System.nanoTime() - seedStart) / 1e9);
        String year = "from=2026-01-01&to=2026-12-31";
        String oneOrganization = "organizationId=00000000-0000-4000-8000-000000000107";
        String network = "networkId=00000000-0000-4000-8000-00000000ffff";
        List<String> fromAggregates = List.of(
                "/reports/referrals",
                "/reports/referrals?" + year,
                "/reports/referrals?" + oneOrganization,
                "/reports/referrals?from=2026-01-01&to=2026-10-20&" + oneOrganization,
                "/reports/referrals?" + network,
                "/reports/referrals?canton=BA-07&" + year,
                "/reports/referrals?canton=BA-07",
                "/reports/referrals?supportType=legal_aid&" + year,
                "/reports/referrals?supportType=educational&" + year,
                "/reports/referrals?supportType=psychosocial&canton=BA-07",
                "/reports/beneficiaries",
                "/reports/beneficiaries?" + year,
                "/reports/beneficiaries?canton=BA-07&from=2026-06-01&to=2026-06-30",
                "/reports/beneficiaries?" + network,
                "/reports/beneficiaries?" + oneOrganization,
                "/reports/beneficiaries?vulnerability=roma_community&from=2026-04-01&to=2026-06-30",
                "/reports/beneficiaries?supportType=educational&" + year,
                "/reports/deadlines",
                "/reports/deadlines?" + network);
        // filters combined, an organisation's family of types, odd periods
        List<String> fromFacts = List.of(
                "/reports/referrals?supportType=educational&" + oneOrganization,
                "/reports/referrals?vulnerability=roma_community&" + oneOrganization,
                "/reports/referrals?canton=BA-07&" + oneOrganization,
                "/reports/beneficiaries?from=2026-03-15&to=2026-09-14",
                "/reports/beneficiaries?canton=BA-07&" + oneOrganization,
                "/reports/deadlines?" + oneOrganization);
        // one call of each first: the service's code paths compiled, not the first report measured paying for it
        for (String query : fromAggregates) {
            given().get(query).then().statusCode(200);
        }
        for (String query : fromFacts) {
            given().get(query).then().statusCode(200);
        }
        System.out.println("-- read from the aggregates");
        fromAggregates.forEach(query -> time(query, RUNS));
        System.out.println("-- computed from the facts");
        // fewer runs: these take seconds each
        fromFacts.forEach(query -> time(query, FACTS_RUNS));

        Random random = new Random(42);
        for (int burst = 0; burst < THROUGHPUT_BURSTS; burst++) {
            throughput(burst, random);
        }

        // latency: from an acceptance sent to Kafka to the changed figure on a whole-network dashboard's feed
        UUID organization = UUID.randomUUID();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        var stream = client.sendAsync(HttpRequest.newBuilder(feed)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().filter(l -> l.contains("\"report\":\"referrals\"")).forEach(lines::add));
        lines.poll(30, TimeUnit.SECONDS);
        long[] latency = new long[LATENCY_SAMPLES];
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                UUID id = UUID.randomUUID();
                lines.clear();
                long start = System.nanoTime();
                kafka.produceStrings().fromRecords(event(EventType.REFERRAL_ACCEPTED, id, new ReferralAcceptedV1(id,
                        UUID.randomUUID(), organization, UUID.randomUUID(), UUID.randomUUID(), List.of("material"),
                        Instant.now(), Instant.now()))).awaitCompletion();
                assertTrue(lines.poll(10, TimeUnit.SECONDS) != null, "the feed moved");
                latency[i] = System.nanoTime() - start;
            }
        }
        stream.cancel(true);
        System.out.println(Timings.summary("from an acceptance sent to Kafka to the changed figure on the feed", latency));
    }

    /**
     * Referrals going through their loop (requested, accepted, started, completed) among 100 organisations, for
     * households the reporting service knows (so that acceptances move the beneficiary figures too), each burst
     * for other households; timed from the first event sent to the last one projected.
     */
    private void throughput(int burst, Random random) throws InterruptedException {
        int referrals = THROUGHPUT_EVENTS / 4;
        List<String> types = List.of("educational", "health", "material", "psychosocial.counselling", "legal_aid");
        @SuppressWarnings("unchecked")
        List<UUID> households = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT case_id FROM case_fact ORDER BY hashtext(case_id::text) LIMIT ?1 OFFSET ?2", UUID.class)
                .setParameter(1, referrals).setParameter(2, burst * referrals).getResultList());
        List<ProducerRecord<String, String>> events = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            UUID id = UUID.randomUUID();
            UUID caseId = households.get(i);
            UUID sender = UUID.fromString("00000000-0000-4000-8000-0000000000" + String.format("%02d", random.nextInt(50)));
            UUID receiver = UUID.fromString("00000000-0000-4000-8000-0000000001" + String.format("%02d", random.nextInt(50)));
            List<String> type = List.of(types.get(random.nextInt(types.size())));
            Instant requested = Instant.now().minusSeconds(random.nextInt(72 * 3600));
            events.add(event(EventType.REFERRAL_REQUESTED, id, new ReferralRequestedV1(id, caseId, sender, receiver,
                    UUID.randomUUID(), type, Priority.ROUTINE, "10705", List.of(), List.of(), List.of(), requested)));
            events.add(event(EventType.REFERRAL_ACCEPTED, id, new ReferralAcceptedV1(id, caseId, sender, receiver,
                    UUID.randomUUID(), type, requested, requested.plusSeconds(3600 + random.nextInt(48 * 3600)))));
            for (String status : List.of("in_progress", "completed")) {
                events.add(event(status.equals("completed") ? EventType.REFERRAL_COMPLETED : EventType.REFERRAL_STARTED,
                        id, new ReferralStatusChangedV1(id, caseId, sender, receiver, UUID.randomUUID(), type, Priority.ROUTINE,
                                ReferralStatus.ACCEPTED, ReferralStatus.ofCode(status), null,
                                status.equals("completed") ? NeedMet.FULLY : null, null, requested,
                                Instant.now())));
            }
        }
        long processedBefore = processed();
        long start = System.nanoTime();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(events).awaitCompletion();
        }
        while (processed() < processedBefore + THROUGHPUT_EVENTS) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "projection, burst %d: %d events in %.1f s = %.0f events/s%n", burst + 1,
                THROUGHPUT_EVENTS, seconds, THROUGHPUT_EVENTS / seconds);
    }
}
