package ba.refnet.chassis.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Browsers may call the APIs only from the web app's origin (refnet.web.origin), never from any other page. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CorsTest {

    static final String APP = "http://localhost:8085";

    @Test
    void theWebAppsOriginIsGrantedWithTheHeadersItReads() {
        given().header("Origin", APP).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .options("/failures/not-found")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("if-match"));
        given().header("Origin", APP).get("/failures/not-found")
                .then().statusCode(404)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void anotherOriginGetsNoGrant() {
        for (String other : new String[] {"http://localhost:9999", "https://evil.example", "http://localhost:8085.evil.example"}) {
            given().header("Origin", other).header("Access-Control-Request-Method", "POST")
                    .options("/failures/not-found")
                    .then().header("Access-Control-Allow-Origin", nullValue());
            given().header("Origin", other).get("/failures/not-found")
                    .then().header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void aCallWithoutAnOriginIsNoCorsRequestAndAnswersAsBefore() {
        given().get("/failures/not-found").then().statusCode(404)
                .header("Access-Control-Allow-Origin", nullValue())
                .body("status", equalTo(404));
    }
}
