package ba.refnet.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WebAppTest.OtherPorts.class)
class WebAppTest {

    /** As deploy/platform.sh configures the app for the system tests' ports. */
    public static class OtherPorts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("refnet.web.keycloak-url", "http://localhost:28180/",
                    "refnet.web.services.referrals", "http://localhost:28103");
        }
    }

    @Test
    void theAppsPageLoadsItsModulesAndTheChartLibrary() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/js/app.js")).body(containsString("/webjars/chart.js/4.4.1/dist/chart.umd.js"))
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff");
        given().get("/js/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/js/pages/dashboard.js").then().statusCode(200).body(containsString("openFeed"));
        given().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200)
                .contentType(containsString("javascript"));
    }

    @Test
    void theConfigurationNamesKeycloakAndTheServicesAsConfigured() {
        given().get("/config.json").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("keycloakUrl", equalTo("http://localhost:28180"))
                .body("realm", equalTo("refnet"))
                .body("clientId", equalTo("refnet-web"))
                .body("services.referrals", equalTo("http://localhost:28103"))
                .body("services.registry", equalTo("http://localhost:8081"))
                .body("services.reporting", equalTo("http://localhost:8084"));
    }

    @Test
    void anUnknownPathIsNotFound() {
        given().get("/no-such-page.html").then().statusCode(404);
    }
}
