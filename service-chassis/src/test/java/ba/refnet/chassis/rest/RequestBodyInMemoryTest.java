package ba.refnet.chassis.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    void anHttp2RequestKeepsItsStreamedBody() throws Exception {
        // Java's client upgrades a cleartext connection to HTTP/2 (h2c); the body must still reach the method
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        URI bodies = URI.create("http://localhost:" + RestAssured.port + "/bodies");
        List<HttpClient.Version> versions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(bodies)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(note(5_000))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"length\":5000"), response.body());
            versions.add(response.version());
        }
        assertTrue(versions.contains(HttpClient.Version.HTTP_2), "the connection was upgraded: " + versions);
    }

    @Test
    void aClientThatHangsUpMidBodyIsNeitherAServerErrorNorAnErrorLogLine() throws Exception {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(recorder);
        double serverErrorsCounted = serverErrorsCounted();
        try {
            // says 20,000 bytes, sends 100, hangs up: what a client that times out or crashes does
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /bodies HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 20000\r\n\r\n" + note(100)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
            }
            // time for the server to notice the hang-up and for anything it logs about it
            Thread.sleep(500);
            given().contentType("application/json").body(note(10)).post("/bodies").then().statusCode(200);
            assertEquals(serverErrorsCounted, serverErrorsCounted(), "a hang-up counted as a server error");
            assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        } finally {
            root.removeHandler(recorder);
        }
    }

    /** Requests answered 5xx so far, as the HTTP metrics (and the high-error-rate alert) count them. */
    private static double serverErrorsCounted() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.matches(".*status=\"5..\".*"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void onlyARequestWithABodyIsBuffered() {
        assertTrue(RequestBodyInMemory.hasBody("12", null));
        assertTrue(RequestBodyInMemory.hasBody(null, "chunked"));
        assertFalse(RequestBodyInMemory.hasBody("0", null));
        assertFalse(RequestBodyInMemory.hasBody(null, null));
    }
}
