package ba.refnet.chassis.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chassis' on-call figures are on /q/metrics of every service, labelled by codes and names, never by ids. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MetricsTest {

    private static final String LAG = "refnet_consumer_lag_records{group=\"chassis-test\",topic=\"chassis.test.applied\"} ";

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void theChassisFiguresAreScraped() throws IOException {
        given().contentType("application/json").body("{\"name\":\"Amra\",\"age\":9}")
                .queryParam("q", "Amra").post("/failures/registrations").then().statusCode(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            String m = scrape();
            return m.contains(LAG) && !m.contains(LAG + "NaN");
        });
        String metrics = scrape();
        Files.writeString(Path.of("target/chassis-metrics.txt"), metrics);
        for (String line : List.of("refnet_outbox_backlog ", "refnet_outbox_oldest_unsent_age_seconds ",
                "refnet_outbox_publish_failures_total ", "refnet_ready 1.0",
                "refnet_dead_letters_total{topic=\"chassis.test.applied\"} ",
                "refnet_dead_letters_total{topic=\"refnet.registry.organizations.v1\"} ",
                "http_server_requests_seconds_bucket{", "le=\"0.25\"", "uri=\"/failures/registrations\"",
                "jvm_memory_used_bytes{", "agroal_active_count")) {
            assertTrue(metrics.contains(line), "no " + line + " on /q/metrics");
        }
        // labels hold route templates, codes and names: not what a request said
        assertFalse(metrics.contains("Amra"));
    }
}
