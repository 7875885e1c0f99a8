package ba.refnet.chassis.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A blocking method gets its body from memory, read on the I/O thread, whether the client said its size or not. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RequestBodyInMemoryTest {

    private static String note(int length) {
        return "{\"text\": \"" + "a".repeat(length) + "\"}";
    }

    @Test
    void aBodyOfKnownSizeIsInMemoryBeforeTheWorkerRuns() {
        given().contentType("application/json").body(note(20_000)).post("/bodies").then().statusCode(200)
                .body("length", equalTo(20_000)).body("inMemory", equalTo(true)).body("worker", equalTo(true));
    }

    @Test
    void aChunkedBodyIsReadWholeToo() {
        // an InputStream body goes out with Transfer-Encoding: chunked, without a Content-Length
        given().contentType("application/json")
                .body(new ByteArrayInputStream(note(100_000).getBytes(StandardCharsets.UTF_8)))
                .post("/bodies").then().statusCode(200)
                .body("length", equalTo(100_000)).body("inMemory", equalTo(true));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused() {
        given().contentType("application/json")
                .body(new ByteArrayInputStream(note(300 * 1024).getBytes(StandardCharsets.UTF_8)))
                .post("/bodies").then().statusCode(413);
    }

    @Test
    void onlyARequestWithABodyIsBuffered() {
        assertTrue(RequestBodyInMemory.hasBody("12", null));
        assertTrue(RequestBodyInMemory.hasBody(null, "chunked"));
        assertFalse(RequestBodyInMemory.hasBody("0", null));
        assertFalse(RequestBodyInMemory.hasBody(null, null));
    }
}
