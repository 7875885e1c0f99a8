package ba.refnet.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.webhook.WebhookConfig;
import ba.refnet.referral.webhook.WebhookSignature;
import ba.refnet.testsupport.RealInfrastructure;
import ba.refnet.testsupport.TestClock;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class WebhookApiTest {

    static final String NGO = "00000000-0000-4000-8000-0000000000d2";

    /** What the partner's endpoint received: headers of interest and the body. */
    record Received(Map<String, String> headers, String body) {
    }

    @Inject
    LocalCopies copies;

    @Inject
    TestClock clock;

    @Inject
    WebhookConfig config;

    @Inject
    MeterRegistry meters;

    HttpServer partner;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGive = new AtomicInteger();

    /** A real HTTP endpoint on loopback, as a partner system would run one; it can fail on purpose. */
    @BeforeEach
    void startPartnerEndpoint() throws IOException {
        partner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        partner.createContext("/refnet", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.of(
                    "signature", exchange.getRequestHeaders().getFirst("X-RefNet-Signature"),
                    "timestamp", exchange.getRequestHeaders().getFirst("X-RefNet-Timestamp"),
                    "content-type", exchange.getRequestHeaders().getFirst("Content-Type"),
                    "traceparent", String.valueOf(exchange.getRequestHeaders().getFirst("traceparent"))), body));
            int status = failuresToGive.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        partner.start();
    }

    @AfterEach
    void stopPartnerEndpoint() {
        partner.stop(0);
        clock.reset();
    }

    private String url() {
        return "http://127.0.0.1:" + partner.getAddress().getPort() + "/refnet";
    }

    @Test
    @TestSecurity(user = "ngo-partner", roles = "partner-system")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void aPartnerReceivesSignedEventsAndAFailedDeliveryIsRetried() {
        failuresToGive.set(1);
        double failedBefore = meters.counter("refnet.webhook.delivery.failures").count();
        JsonPath subscription = given().contentType("application/json")
                .body("{\"url\": \"" + url() + "\", \"eventTypes\": [\"ba.refnet.referral.accepted.v1\"]}")
                .post("/webhooks").then().statusCode(201).body("secret", notNullValue()).extract().jsonPath();
        String id = subscription.getString("id");
        String secret = subscription.getString("secret");
        given().get("/webhooks").then().statusCode(200).body("find { it.id == '" + id + "' }.secret", nullValue());

        Referral r = copies.requestedReferral();
        given().post("/referrals/" + r.id() + "/accept").then().statusCode(200);

        // the first attempt fails; the retry waits for the back-off (30 s), which the test clock skips
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(1).equals(given()
                .get("/webhooks/" + id + "/deliveries").then().extract().path("items[0].attempts")));
        assertEquals(1, received.size(), "no retry before the back-off has passed");
        clock.advance(config.backoff().plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        Received delivered = received.get(1);
        assertEquals(WebhookSignature.sign(secret, Long.parseLong(delivered.headers().get("timestamp")),
                delivered.body()), delivered.headers().get("signature"), "the signature checks out with the secret");
        assertEquals("application/cloudevents+json", delivered.headers().get("content-type"));
        assertEquals(received.get(0).body(), delivered.body(), "a retry sends the same event");
        JsonPath event = new JsonPath(delivered.body());
        assertEquals("ba.refnet.referral.accepted.v1", event.getString("type"));
        assertEquals(r.id().toString(), event.getString("subject"));
        // each attempt is a span in the trace of the event it delivers, and says so to the partner
        String eventTrace = event.getString("traceparent").split("-")[1];
        for (Received attempt : received) {
            String[] traceparent = attempt.headers().get("traceparent").split("-");
            assertEquals(eventTrace, traceparent[1], "the attempt continues the event's trace");
        }
        assertTrue(meters.counter("refnet.webhook.delivery.failures").count() >= failedBefore + 1,
                "the failed attempt counts in refnet_webhook_delivery_failures_total");

        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(given().get("/webhooks/" + id + "/deliveries")
                .then().extract().path("items[0].status")));
        given().get("/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].attempts", equalTo(2))
                .body("items[0].lastStatusCode", equalTo(204))
                .body("items[0].referralId", equalTo(r.id().toString()));

        given().delete("/webhooks/" + id).then().statusCode(204);
        given().get("/webhooks/" + id + "/deliveries").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ngo-partner", roles = "partner-system")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void subscriptionsNeedAUsableUrlAndReferralEventTypes() {
        given().contentType("application/json").body("{\"url\": \"ftp://partner.example/x\"}").post("/webhooks")
                .then().statusCode(400).body("violations[0].field", equalTo("url"));
        given().contentType("application/json").body("{\"url\": \"not a url\"}").post("/webhooks")
                .then().statusCode(400).body("violations[0].field", equalTo("url"));
        given().contentType("application/json")
                .body("{\"url\": \"" + url() + "\", \"eventTypes\": [\"ba.refnet.case.opened.v1\"]}").post("/webhooks")
                .then().statusCode(400).body("detail", containsString("referral.accepted.v1"));
        given().get("/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ngo-worker", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NGO))
    void caseWorkersDoNotManageWebhooks() {
        given().get("/webhooks").then().statusCode(403);
    }
}
