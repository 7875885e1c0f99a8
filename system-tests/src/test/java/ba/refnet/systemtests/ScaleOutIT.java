package ba.refnet.systemtests;

import static ba.refnet.systemtests.FirstFlowIT.COUNSELLING;
import static ba.refnet.systemtests.FirstFlowIT.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas of every service behind HAProxy, a few partner systems sending referrals for about half a minute, and
 * one replica of each service SIGKILLed in the middle and started again. Afterwards every referral answered 201
 * exists once in the referral database, once on the topic, once in the case service and once in reporting; each
 * referral's events are on its partition in order; every sweep (consent expiry during the load; deadlines, webhook
 * dispatch and anonymisation with both replicas back) acted once per item.
 *
 * <p>The effects are checked where they are kept: the services' databases over JDBC and the topics with a plain
 * consumer, besides the services' own answers. Time-dependent sweeps are brought forward by moving the due times
 * in the database, not the services' clocks.
 */
@ExtendWith(SharedPlatform.class)
class ScaleOutIT {

    /** Its own support type, so that the report's figures are this test's alone. */
    static final String SUPPORT_TYPE = CountedSupportTypes.SCALE_OUT;
    static final int CLIENTS = 4;
    static final Duration LOAD = Duration.ofSeconds(26);
    static final Duration KILL_AFTER = Duration.ofSeconds(9);
    static final String OVERDUE = "ba.refnet.referral.overdue.v1";
    static final String ESCALATED = "ba.refnet.referral.escalated.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    final Platform platform = SharedPlatform.PLATFORM;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One referral request of the load: its unique reason, the answer, and the receiver's accept if it was 201. */
    record Attempt(String reason, int status, String referralId, int acceptStatus) {
    }

    record OpenedCase(String caseId, List<String> memberIds) {
    }

    @Test
    void killingOneReplicaOfEachServiceUnderLoadLosesNothingAndDoesNothingTwice() throws Exception {
        assertTrue(Platform.REPLICAS >= 2, "ScaleOutIT needs at least two replicas (-Drefnet.replicas)");
        String csr = Tokens.user("radnik.csr");
        String serviceId = FirstFlowIT.counsellingService(SUPPORT_TYPE);
        String protocolId = protocol();
        List<OpenedCase> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OpenedCase opened = beggingChildCase(csr);
            consent(csr, opened, null);
            cases.add(opened);
        }
        // consents that run out while the load runs: the expiry sweep meets the kill
        Map<String, String> expiring = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            OpenedCase opened = beggingChildCase(csr);
            expiring.put(consent(csr, opened, Instant.now().plusSeconds(15)), opened.caseId());
        }
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caseId = beggingChildCase(csr).caseId();
            as(csr).body("{\"reasonCode\": \"family_declined\"}").post(Platform.CASES + "/cases/" + caseId + "/close")
                    .then().statusCode(200);
            closed.add(caseId);
        }
        // the referral service learns of the cases and the service from Kafka: one referral each once it knows
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        String receiver = Tokens.user("radnik.savjetovaliste");
        for (OpenedCase opened : cases) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Attempt first = refer(csr, receiver, opened.caseId(), serviceId, protocolId);
                if (first.status() == 201) {
                    attempts.add(first);
                }
                return first.status() == 201;
            });
        }

        Map<String, Long> killedPids = load(csr, receiver, cases, serviceId, protocolId, attempts);

        List<Attempt> sent = List.copyOf(attempts);
        List<Attempt> created = sent.stream().filter(a -> a.status() == 201).toList();
        long failed = sent.size() - created.size();
        System.out.printf("ScaleOutIT: %d referral requests, %d answered 201, %d not (the kill)%n", sent.size(),
                created.size(), failed);
        assertTrue(created.size() >= 40, "the load created referrals: " + created.size());
        for (var killed : killedPids.entrySet()) {
            assertNotEquals(killed.getValue(), platform.pid(killed.getKey()), killed.getKey() + " was started again");
            given().get(Platform.instanceUrl(killed.getKey()) + "/q/health/ready").then().statusCode(200);
        }

        Map<String, String> statusById = theReferralDatabaseHoldsEachCreatedReferralOnce(serviceId, sent);
        eachReferralIsOnTheTopicOnceAndInOrder(statusById);
        theCaseServiceAndReportingCountEachReferralOnce(csr, cases, statusById);
        eachExpiringConsentExpiredOnce(expiring);
        deadlinesEscalateOnceAndEachWebhookIsDeliveredOnce(statusById.keySet());
        eachClosedCaseIsAnonymisedOnce(closed);
    }

    /**
     * The clients send referrals (and the receiver accepts each) for {@link #LOAD}; after {@link #KILL_AFTER} the
     * first replica of every service is SIGKILLed, and a few seconds later the platform starts them again.
     *
     * @return the killed instances with the pids they had
     */
    private Map<String, Long> load(String csr, String receiver, List<OpenedCase> cases, String serviceId,
            String protocolId, Collection<Attempt> attempts) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + LOAD.toNanos();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < end) {
                    String caseId = cases.get(ThreadLocalRandom.current().nextInt(cases.size())).caseId();
                    attempts.add(refer(csr, receiver, caseId, serviceId, protocolId));
                }
            }, clients));
        }
        Map<String, Long> killed = new LinkedHashMap<>();
        try {
            Thread.sleep(KILL_AFTER);
            for (String service : Platform.SERVICES) {
                String instance = Platform.instances(service).get(0);
                killed.put(instance, platform.pid(instance));
                platform.kill(instance);
            }
            Thread.sleep(Duration.ofSeconds(3));
            platform.start();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } finally {
            clients.shutdownNow();
        }
        return killed;
    }

    /** Each 201 is one row with the answered id; a request not answered 201 left at most one (never two). */
    private Map<String, String> theReferralDatabaseHoldsEachCreatedReferralOnce(String serviceId, List<Attempt> sent)
            throws SQLException {
        Map<String, List<String>> idsByReason = new HashMap<>();
        Map<String, String> statusById = new HashMap<>();
        for (Object[] row : Databases.rows("referrals",
                "SELECT id::text, reason, lower(status) FROM referral WHERE service_id = ?", UUID.fromString(serviceId))) {
            idsByReason.computeIfAbsent((String) row[1], r -> new ArrayList<>()).add((String) row[0]);
            statusById.put((String) row[0], (String) row[2]);
        }
        int unansweredButStored = 0;
        for (Attempt attempt : sent) {
            List<String> stored = idsByReason.getOrDefault(attempt.reason(), List.of());
            if (attempt.status() == 201) {
                assertEquals(List.of(attempt.referralId()), stored, "the referral answered 201, once");
            } else {
                assertTrue(stored.size() <= 1, "a POST the load balancer may not retry is never stored twice");
                unansweredButStored += stored.size();
            }
        }
        Set<String> reasons = sent.stream().map(Attempt::reason).collect(Collectors.toSet());
        assertTrue(reasons.containsAll(idsByReason.keySet()), "no referral the test did not send");
        System.out.printf("ScaleOutIT: %d requests without a 201 had committed before the kill%n", unansweredButStored);
        for (Attempt accepted : sent.stream().filter(a -> a.acceptStatus() == 200).toList()) {
            assertEquals("accepted", statusById.get(accepted.referralId()));
        }
        return statusById;
    }

    /**
     * One requested event per referral and one accepted event per accepted referral, the accepted one after the
     * requested on the referral's partition. A relay killed between the broker's acknowledgement and its commit may
     * have published a batch again under the same event ids (consumers drop those): counted and shown, and every
     * consumer's effect below is checked to be single.
     */
    private void eachReferralIsOnTheTopicOnceAndInOrder(Map<String, String> statusById) {
        Map<String, List<TopicReader.Event>> bySubject = TopicReader.readAll("refnet.referral.referrals.v1").stream()
                .filter(e -> statusById.containsKey(e.subject()))
                .collect(Collectors.groupingBy(TopicReader.Event::subject));
        int copies = 0;
        for (var referral : statusById.entrySet()) {
            List<TopicReader.Event> events = bySubject.getOrDefault(referral.getKey(), List.of());
            Map<String, TopicReader.Event> firstById = new LinkedHashMap<>();
            events.forEach(e -> firstById.putIfAbsent(e.id(), e));
            copies += events.size() - firstById.size();
            List<String> types = firstById.values().stream().map(TopicReader.Event::type)
                    .filter(t -> !t.equals(OVERDUE) && !t.equals(ESCALATED)).toList();
            List<String> expected = referral.getValue().equals("accepted")
                    ? List.of("ba.refnet.referral.requested.v1", "ba.refnet.referral.accepted.v1")
                    : List.of("ba.refnet.referral.requested.v1");
            assertEquals(expected, types, "the events of referral " + referral.getKey() + ", once each, in order");
            assertEquals(1, events.stream().map(TopicReader.Event::partition).distinct().count());
        }
        System.out.printf("ScaleOutIT: %d referrals on the topic, %d records republished under the same event id%n",
                statusById.size(), copies);
    }

    /** Both consumers catch up to exactly the database's referrals, and stay there. */
    private void theCaseServiceAndReportingCountEachReferralOnce(String csr, List<OpenedCase> cases,
            Map<String, String> statusById) throws InterruptedException {
        long accepted = statusById.values().stream().filter("accepted"::equals).count();
        // untilAsserted: when it times out, the failure names the figures reporting had reached
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertEquals(statusById.size(), FirstFlowIT.reported(SUPPORT_TYPE, "totals.requested"), "requested");
            assertEquals((int) accepted, FirstFlowIT.reported(SUPPORT_TYPE, "totals.accepted"), "accepted");
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> statusById.equals(referralsInTheCaseService(csr, cases, statusById.keySet())));
        Thread.sleep(Duration.ofSeconds(3));
        assertEquals(statusById.size(), FirstFlowIT.reported(SUPPORT_TYPE, "totals.requested"), "still once each");
        assertEquals((int) accepted, FirstFlowIT.reported(SUPPORT_TYPE, "totals.accepted"));
    }

    /** The referrals the case service lists for the cases, by id with their status; an id listed twice fails. */
    private Map<String, String> referralsInTheCaseService(String csr, List<OpenedCase> cases, Set<String> ours) {
        Map<String, String> statusById = new HashMap<>();
        for (OpenedCase opened : cases) {
            List<Map<String, Object>> listed = as(csr).get(Platform.CASES + "/cases/" + opened.caseId() + "/referrals")
                    .then().statusCode(200).extract().path("");
            for (Map<String, Object> referral : listed) {
                String id = (String) referral.get("referralId");
                if (ours.contains(id)) {
                    assertEquals(null, statusById.put(id, (String) referral.get("status")), "listed once: " + id);
                }
            }
        }
        return statusById;
    }

    /** The expiry sweeps of both case-service replicas, one killed among them, published each expiry once. */
    private void eachExpiringConsentExpiredOnce(Map<String, String> expiring) throws SQLException {
        Set<UUID> ids = expiring.keySet().stream().map(UUID::fromString).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> Databases.rows("cases",
                "SELECT 1 FROM consent WHERE id = ANY(?) AND expiry_published_at IS NOT NULL", ids).size() == ids.size());
        Map<String, Set<String>> expiryEvents = TopicReader.readAll("refnet.case.cases.v1").stream()
                .filter(e -> e.type().equals("ba.refnet.consent.expired.v1")
                        && expiring.containsKey(e.data().path("consentId").asText()))
                .collect(Collectors.groupingBy(e -> e.data().path("consentId").asText(),
                        Collectors.mapping(TopicReader.Event::id, Collectors.toSet())));
        assertEquals(expiring.keySet(), expiryEvents.keySet());
        expiryEvents.forEach((consent, events) -> assertEquals(1, events.size(), "one expiry of consent " + consent));
    }

    /**
     * With both replicas back, the referrals' open deadlines are moved a year back: the deadline sweeps of both
     * replicas mark each overdue and escalate it once, and both dispatchers deliver each event to the receiver's
     * webhook once.
     */
    private void deadlinesEscalateOnceAndEachWebhookIsDeliveredOnce(Set<String> referralIds) throws Exception {
        String orgAdmin = Tokens.user("admin.savjetovaliste");
        try (WebhookReceiver hook = new WebhookReceiver()) {
            String subscription = as(orgAdmin).body("""
                    {"url": "%s", "eventTypes": ["%s", "%s"]}""".formatted(hook.url(), OVERDUE, ESCALATED))
                    .post(Platform.REFERRALS + "/webhooks").then().statusCode(201).extract().path("id");
            try {
                deadlinesEscalateOnceAndAreDeliveredOnce(referralIds, hook);
            } finally {
                as(orgAdmin).delete(Platform.REFERRALS + "/webhooks/" + subscription).then().statusCode(204);
            }
        }
    }

    private void deadlinesEscalateOnceAndAreDeliveredOnce(Set<String> referralIds, WebhookReceiver hook)
            throws Exception {
        Set<UUID> ids = referralIds.stream().map(UUID::fromString).collect(Collectors.toSet());
        int moved = Databases.update("referrals", """
                UPDATE referral_deadline SET due_at = due_at - interval '400 days'
                WHERE referral_id = ANY(?) AND met_at IS NULL AND closed_at IS NULL""", ids);
        assertTrue(moved >= referralIds.size(), "every referral has open deadlines: " + moved);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> Databases.rows(
                "referrals", """
                SELECT 1 FROM referral_deadline WHERE referral_id = ANY(?) AND met_at IS NULL AND closed_at IS NULL
                  AND escalated_at IS NULL""", ids).isEmpty());

        Predicate<TopicReader.Event> missed = e -> (e.type().equals(OVERDUE) || e.type().equals(ESCALATED))
                && referralIds.contains(e.data().path("referralId").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll("refnet.referral.referrals.v1")
                .stream().filter(missed).map(TopicReader.Event::id).distinct().count() == 2L * moved);
        List<TopicReader.Event> events = TopicReader.readAll("refnet.referral.referrals.v1").stream().filter(missed)
                .toList();
        Map<String, Long> perDeadline = events.stream().collect(Collectors.groupingBy(e -> e.type() + " "
                + e.data().path("referralId").asText() + " " + e.data().path("deadline").asText(),
                Collectors.counting()));
        assertEquals(2 * moved, perDeadline.size(), "an overdue and an escalated event for each moved deadline");
        perDeadline.forEach((deadline, n) -> assertEquals(1L, n, "published once: " + deadline));

        Set<String> eventIds = events.stream().map(TopicReader.Event::id).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> hook.deliveries().keySet().containsAll(eventIds));
        Thread.sleep(Duration.ofSeconds(4));
        Map<String, Integer> deliveries = hook.deliveries();
        assertEquals(eventIds, deliveries.keySet(), "the webhook got exactly the subscribed events");
        deliveries.forEach((event, n) -> assertEquals(1, n, "delivered once: " + event));
    }

    /** Closed cases whose retention ran out (moved back in the database): each anonymised and audited once. */
    private void eachClosedCaseIsAnonymisedOnce(List<String> closed) throws Exception {
        Set<UUID> ids = closed.stream().map(UUID::fromString).collect(Collectors.toSet());
        assertEquals(closed.size(), Databases.update("cases",
                "UPDATE family_case SET closed_at = closed_at - interval '4000 days' WHERE id = ANY(?)", ids));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> Databases.rows("cases",
                "SELECT 1 FROM family_case WHERE id = ANY(?) AND anonymised_at IS NOT NULL", ids).size() == ids.size());
        Thread.sleep(Duration.ofSeconds(4));
        Map<String, Long> audits = new HashMap<>();
        for (Object[] row : Databases.rows("cases", """
                SELECT record_id::text, count(*) FROM audit_entry WHERE action = 'case.anonymise' AND record_id = ANY(?)
                GROUP BY record_id""", ids)) {
            audits.put((String) row[0], (Long) row[1]);
        }
        assertEquals(new HashSet<>(closed), audits.keySet());
        audits.forEach((caseId, n) -> assertEquals(1L, n, "anonymised once: " + caseId));
    }

    /** A protocol of the test's own: three deadlines for referrals of children found begging. */
    private static String protocol() {
        return as(Tokens.user("koordinator")).body("""
                {"name": "Protokol – skaliranje", "municipalityCode": "10705", "triggerCategory": "child_found_begging",
                 "escalateAfterHours": 1,
                 "steps": [{"deadline": "acknowledge", "dueHours": 24}, {"deadline": "first_contact", "dueHours": 72},
                           {"deadline": "plan", "dueHours": 168}]}""")
                .post(Platform.REFERRALS + "/protocols").then().statusCode(201).extract().path("id");
    }

    private static OpenedCase beggingChildCase(String csr) {
        var opened = as(csr).body("""
                {"municipalityCode": "10705", "vulnerabilities": ["child_found_begging"],
                 "members": [{"role": "parent_or_guardian", "givenName": "Hana", "familyName": "Skala", "sex": "female"},
                             {"role": "child", "givenName": "Emir", "familyName": "Skala", "sex": "male",
                              "birthDate": "2015-03-03"}]}""")
                .post(Platform.CASES + "/cases").then().statusCode(201).extract().jsonPath();
        return new OpenedCase(opened.getString("id"), opened.getList("members.id", String.class));
    }

    /** @return the consent's id */
    private static String consent(String csr, OpenedCase opened, Instant expiresAt) {
        return as(csr).body("""
                {"memberIds": ["%s", "%s"], "givenByMemberId": "%s", "purpose": "referral",
                 "recipientOrganizationIds": ["%s"], "scope": ["identity", "needs"], "method": "signed_form"%s}"""
                .formatted(opened.memberIds().get(0), opened.memberIds().get(1), opened.memberIds().get(0), COUNSELLING,
                        expiresAt == null ? "" : ", \"expiresAt\": \"" + expiresAt + "\""))
                .post(Platform.CASES + "/cases/" + opened.caseId() + "/consents").then().statusCode(201)
                .extract().path("id");
    }

    /** One referral with a reason no other carries, and the receiver's accept if it was created; never retried. */
    private Attempt refer(String csr, String receiver, String caseId, String serviceId, String protocolId) {
        String reason = "Skaliranje " + UUID.randomUUID();
        String body = """
                {"caseId": "%s", "serviceId": "%s", "priority": "urgent", "protocolId": "%s", "reason": "%s"}"""
                .formatted(caseId, serviceId, protocolId, reason);
        HttpResponse<String> created = post(csr, Platform.REFERRALS + "/referrals", body);
        if (created == null || created.statusCode() != 201) {
            return new Attempt(reason, created == null ? -1 : created.statusCode(), null, -1);
        }
        String id = json(created.body()).path("id").asText();
        HttpResponse<String> accepted = post(receiver, Platform.REFERRALS + "/referrals/" + id + "/accept", null);
        return new Attempt(reason, 201, id, accepted == null ? -1 : accepted.statusCode());
    }

    /** @return the response, or null when the connection broke (a killed replica's request, not retried) */
    private HttpResponse<String> post(String token, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
