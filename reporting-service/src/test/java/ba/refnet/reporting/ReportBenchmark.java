package ba.refnet.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import ba.refnet.testsupport.Timings;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static final int CASES = 300_000;
    private static final int REFERRALS = 1_000_000;
    private static final int RUNS = 10;
    private static final int THROUGHPUT_EVENTS = 20_000;
    private static final int LATENCY_SAMPLES = 100;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager em;

    @Inject
    CloudEventCodec codec;

    @TestHTTPResource("/reports/feed")
    URI feed;

    private void seed() {
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            em.createNativeQuery("""
                    INSERT INTO case_fact (case_id, organization_id, municipality_code, vulnerabilities, needs, opened_at)
                    SELECT gen_random_uuid(), ('00000000-0000-4000-8000-0000000000' || lpad((i % 50)::text, 2, '0'))::uuid,
                           (ARRAY['10705','10701','10302','20001','20002','30001','10901','10401'])[1 + i % 8],
                           ARRAY[(ARRAY['poverty','risk_of_family_separation','roma_community'])[1 + i % 3]], ARRAY['material'],
                           timestamptz '2026-01-01' + (i % 320) * interval '1 day'
                    FROM generate_series(1, ?1) AS i""").setParameter(1, CASES).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO case_person (member_id, case_id, role, age_band, sex)
                    SELECT gen_random_uuid(), c.case_id, r.role, r.band, 'female'
                    FROM case_fact c CROSS JOIN (VALUES ('child','child'), ('child','youth'), ('parent_or_guardian','adult'))
                      AS r(role, band)""").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id, service_id,
                        support_types, municipality_code, priority, requested_at, accepted_at, completed_at, need_met,
                        overdue_at, case_id)
                    SELECT gen_random_uuid(), c.organization_id,
                           ('00000000-0000-4000-8000-0000000001' || lpad((i % 50)::text, 2, '0'))::uuid, gen_random_uuid(),
                           ARRAY[(ARRAY['educational','health','material','psychosocial.counselling','legal_aid'])[1 + i % 5]],
                           c.municipality_code, 'routine',
                           c.opened_at + (i % 40) * interval '1 hour',
                           CASE WHEN i % 10 < 7 THEN c.opened_at + (i % 40 + 20) * interval '1 hour' END,
                           CASE WHEN i % 10 < 4 THEN c.opened_at + (i % 40 + 200) * interval '1 hour' END,
                           CASE WHEN i % 10 < 4 THEN 'fully' END,
                           CASE WHEN i % 10 = 9 THEN c.opened_at + interval '30 hours' END,
                           c.case_id
                    FROM generate_series(1, ?1) AS i
                    JOIN (SELECT case_id, organization_id, municipality_code, opened_at,
                                 row_number() OVER () - 1 AS n FROM case_fact) c ON c.n = i % ?2""")
                    .setParameter(1, REFERRALS).setParameter(2, CASES).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO network_member_fact (network_id, network_name, network_kind, organization_id)
                    SELECT '00000000-0000-4000-8000-00000000ffff', 'Radna grupa', 'working_group',
                           ('00000000-0000-4000-8000-0000000001' || lpad(i::text, 2, '0'))::uuid
                    FROM generate_series(0, 9) AS i""").executeUpdate();
            em.createNativeQuery("ANALYZE").executeUpdate();
        });
    }

    private static void time(String query) {
        assertTrue(given().get(query).then().statusCode(200).extract().asString().length() > 2, query);
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            given().get(query).then().statusCode(200);
            nanos[i] = System.nanoTime() - start;
        }
        System.out.println(Timings.summary(query, nanos));
    }

    private ProducerRecord<String, String> event(EventType type, UUID key, Object payload) {
        return EventRecords.cloudEvent(Topics.REFERRALS, key.toString(), codec.serialize(codec.build(type,
                key.toString(), payload)));
    }

    private long referralRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM referral_fact").getSingleResult()).longValue());
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void figures() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        System.out.printf(Locale.ROOT, "seeded %d households and %d referrals in %.1f s%n", CASES, REFERRALS,
                (System.nanoTime() - seedStart) / 1e9);
        time("/reports/referrals");
        time("/reports/referrals?organizationId=00000000-0000-4000-8000-000000000107");
        time("/reports/beneficiaries");
        time("/reports/beneficiaries?canton=BA-07&from=2026-06-01&to=2026-06-30");
        time("/reports/beneficiaries?networkId=00000000-0000-4000-8000-00000000ffff");
        time("/reports/deadlines");

        // throughput: referral events through the projection
        UUID sender = UUID.randomUUID();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < THROUGHPUT_EVENTS; i++) {
            UUID id = UUID.randomUUID();
            burst.add(event(EventType.REFERRAL_REQUESTED, id, new ReferralRequestedV1(id, UUID.randomUUID(), sender,
                    UUID.randomUUID(), UUID.randomUUID(), List.of("material"), "routine", "10705", List.of(), List.of(),
                    List.of(), Instant.now())));
        }
        long rowsBefore = referralRows();
        long burstStart = System.nanoTime();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(burst).awaitCompletion();
        }
        while (referralRows() < rowsBefore + THROUGHPUT_EVENTS) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - burstStart) / 1e9;
        System.out.printf(Locale.ROOT, "projection: %d events in %.1f s = %.0f events/s%n", THROUGHPUT_EVENTS, seconds,
                THROUGHPUT_EVENTS / seconds);

        // latency: from an acceptance sent to Kafka to the changed figure on the feed
        UUID organization = UUID.randomUUID();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        var stream = client.sendAsync(HttpRequest.newBuilder(URI.create(feed + "?organizationId=" + organization))
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
}
