package ba.refnet.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.deploy.kubernetes.MonitoringMetrics;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What on-call and the network coordinator see of the running platform: one trace from the referral service's REST
 * call through its relay into the case and reporting consumers, in the trace backend (Zipkin); every metric the alert
 * rules and dashboards read on a service's /q/metrics; and no name or identity number of a family in any log line or
 * span of the run.
 */
@ExtendWith(SharedPlatform.class)
class ObservabilityIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> SERVICES = List.of(Platform.REGISTRY, Platform.CASES, Platform.REFERRALS,
            Platform.REPORTING);
    private static final List<String> SERVICE_NAMES = List.of("organization-registry-service", "case-service",
            "referral-service", "reporting-service");

    /** This class's family: a name and an identity number no other test uses. */
    private static final String GIVEN_NAME = "Elmedina";
    private static final String FAMILY_NAME = "Tragalović";
    private static final String JMBG = validJmbg("1203984", 17);
    private static final String REASON = "Majka traži savjetovanje nakon razvoda";

    /** What FirstFlowIT sends about its families (names, free text, a phone number). */
    private static final List<String> OTHER_FAMILIES = List.of("Mirsad", "Povratnik", "Nedim", "Kasni", "Mujo",
            "Povratnik treba pomoć", "zatečeno u prosjačenju kod tržnice", "036 555 000", "Popunjeni kapaciteti");

    private final Path root = Path.of(System.getProperty("refnet.root", "..")).toAbsolutePath().normalize();

    /** A JMBG with a valid check digit: the date of birth's seven digits, a region, a serial. */
    static String validJmbg(String ddmmyyy, int region) {
        int[] weights = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        for (int serial = 100; ; serial++) {
            String first = ddmmyyy + "%02d".formatted(region) + serial;
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += weights[i] * (first.charAt(i) - '0');
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return first + (check == 11 ? 0 : check);
            }
        }
    }

    private static String traceparent(String traceId) {
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    /** The family's case at the centre for social work, with its consent to the counselling centre. */
    private static String familyCase(String csr) {
        JsonPath opened = FirstFlowIT.as(csr).body("""
                {"municipalityCode": "10705", "vulnerabilities": ["returnee_family"],
                 "members": [{"role": "parent_or_guardian", "givenName": "%s", "familyName": "%s",
                              "sex": "female", "birthDate": "1984-03-12", "jmbg": "%s"}]}"""
                .formatted(GIVEN_NAME, FAMILY_NAME, JMBG))
                .post(Platform.CASES + "/cases").then().statusCode(201).extract().jsonPath();
        FirstFlowIT.consentToCounselling(csr, opened.getString("id"), opened.getString("members[0].id"));
        return opened.getString("id");
    }

    private static List<Map<String, Object>> trace(String traceId) {
        var response = given().get(Platform.ZIPKIN + "/api/v2/trace/" + traceId);
        return response.statusCode() == 200 ? response.jsonPath().getList("$") : List.of();
    }

    private static boolean has(List<Map<String, Object>> trace, String service, String kind, String name) {
        return trace.stream().anyMatch(span -> service.equals(((Map<?, ?>) span.get("localEndpoint"))
                .get("serviceName")) && kind.equals(span.get("kind")) && String.valueOf(span.get("name"))
                .startsWith(name));
    }

    @Test
    void oneTraceRunsFromTheReferralRequestThroughTheRelayIntoTheCaseAndReportingConsumers() {
        String csr = Tokens.user("radnik.csr");
        String caseId = familyCase(csr);
        String serviceId = FirstFlowIT.counsellingService(CountedSupportTypes.UNCOUNTED);
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String traceId = HexFormat.of().formatHex(id);
        String referral = """
                {"caseId": "%s", "serviceId": "%s", "priority": "routine", "reason": "%s"}"""
                .formatted(caseId, serviceId, REASON);
        // the referral service learns of the case and the service from Kafka; every try is part of this trace
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                FirstFlowIT.as(csr).header("traceparent", traceparent(traceId)).body(referral)
                        .post(Platform.REFERRALS + "/referrals").statusCode() == 201);

        // each service exports its spans in batches of its own: the trace fills in over a few seconds
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> trace = trace(traceId);
            assertTrue(has(trace, "referral-service", "SERVER", "post /referrals"), "the REST call");
            assertTrue(has(trace, "referral-service", "PRODUCER", "outbox ba.refnet.referral.requested"), "the outbox");
            assertTrue(has(trace, "referral-service", "PRODUCER", "publish refnet.referral.referrals.v1"), "the relay");
            assertTrue(has(trace, "case-service", "CONSUMER", "consume ba.refnet.referral.requested"), "the case");
            assertTrue(has(trace, "reporting-service", "CONSUMER", "consume ba.refnet.referral.requested"),
                    "reporting");
        });
    }

    @Test
    void everyMetricTheAlertRulesAndDashboardsReadIsOnARunningService() {
        Set<String> used = MonitoringMetrics.used(root.resolve("deploy/kubernetes"));
        assertTrue(used.size() > 20, "the rules and dashboards read " + used);
        // a consumer's duplicates counter appears with its first event: the platform has consumed some by now
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> scraped = new TreeSet<>();
            SERVICES.forEach(url -> scraped.addAll(metricNames(given().get(url + "/q/metrics").then()
                    .statusCode(200).extract().asString())));
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(scraped);
            assertEquals(Set.of(), missing, "read by deploy/kubernetes/monitoring, on no service's /q/metrics");
        });
    }

    private static Set<String> metricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    @Test
    void noLogLineAndNoSpanOfTheRunHoldsAFamilysNameOrIdentityNumber() throws IOException {
        oneTraceRunsFromTheReferralRequestThroughTheRelayIntoTheCaseAndReportingConsumers();
        List<String> personal = new ArrayList<>(List.of(GIVEN_NAME, FAMILY_NAME, JMBG, REASON));
        personal.addAll(OTHER_FAMILIES);

        List<Path> logs;
        try (Stream<Path> files = Files.list(SharedPlatform.PLATFORM.logs())) {
            logs = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        // one log per replica: referral-service.log, or referral-service-1.log and -2.log
        assertTrue(logs.stream().anyMatch(f -> f.getFileName().toString().startsWith("referral-service")),
                "the services' logs: " + logs);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String value : personal) {
                assertTrue(!text.contains(value), log.getFileName() + " holds \"" + value + "\"");
            }
        }
        for (String service : SERVICE_NAMES) {
            String traces = given().queryParam("serviceName", service).queryParam("limit", 10000)
                    .queryParam("lookback", Duration.ofDays(1).toMillis())
                    .get(Platform.ZIPKIN + "/api/v2/traces").then().statusCode(200).extract().asString();
            for (String value : personal) {
                assertTrue(!traces.contains(value), "a span of " + service + " holds \"" + value + "\"");
            }
        }
    }
}
