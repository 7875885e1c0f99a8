package ba.refnet.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every service's OpenAPI document and HTTP edge promise, whatever the service: the problem answers the
 * chassis documents for each operation, the licence, and problem documents for requests the HTTP server refuses
 * before any resource sees them. A service's test extends this with {@code @QuarkusTest} and adds a test that one
 * of its own problem responses kept its meaning ({@link #assertDocumented}).
 */
public abstract class ApiDocumentContract {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Test
    void everyOperationDocumentsTheProblemsItCanAnswer() {
        JsonPath doc = document();
        assertTrue(doc.getMap("components.schemas").containsKey("Problem"), "the Problem schema is a component");
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !(operation.get("responses") instanceof Map<?, ?> responses)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            List<String> expected = operation.get("security") != null ? List.of("401", "403", "500") : List.of("500");
            expected.forEach(code -> assertTrue(responses.containsKey(code), name + " documents " + code));
            if (path.contains("{")) {
                assertTrue(responses.containsKey("404"), name + " documents 404");
            }
            if (operation.get("requestBody") != null) {
                List.of("400", "413", "415").forEach(code -> assertTrue(responses.containsKey(code),
                        name + " documents " + code));
            }
            responses.forEach((code, response) -> {
                if (code.toString().startsWith("4") || code.toString().startsWith("5")) {
                    assertEquals(PROBLEM_SCHEMA, problemSchemaOf(response), name + " " + code + " is a problem");
                }
            });
        }));
    }

    @Test
    void theDocumentNamesTheLicence() {
        JsonPath doc = document();
        assertEquals("EUPL-1.2", doc.getString("info.license.name"));
        assertEquals("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
                doc.getString("info.license.url"));
    }

    @Test
    void aRequestLineOverTheLimitAnswersAProblem() {
        // the default limit is 4096 characters
        ExtractableResponse<Response> answer = given().get("/q/health/" + "a".repeat(5000)).then().extract();

        assertEquals(414, answer.statusCode());
        assertEquals(PROBLEM, answer.contentType());
        assertEquals(414, answer.jsonPath().getInt("status"));
        assertTrue(answer.jsonPath().getString("detail").contains("4096"), answer.asString());
    }

    @Test
    void headersOverTheLimitAnswerAProblem() {
        // the default limit is 20 KiB for all headers together
        ExtractableResponse<Response> answer = given().header("X-Filler", "f".repeat(24 * 1024))
                .get("/q/health").then().extract();

        assertEquals(431, answer.statusCode());
        assertEquals(PROBLEM, answer.contentType());
        assertEquals(431, answer.jsonPath().getInt("status"));
    }

    /** One response the service declares itself is still there with its own description, as a problem. */
    protected static void assertDocumented(String method, String path, String code, String description) {
        Map<String, Object> response = document().getMap("paths.'" + path + "'." + method.toLowerCase()
                + ".responses.'" + code + "'");
        assertEquals(description, response == null ? null : response.get("description"),
                method + " " + path + " " + code);
        assertEquals(PROBLEM_SCHEMA, problemSchemaOf(response));
    }

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Object problemSchemaOf(Object response) {
        if (response instanceof Map<?, ?> r && r.get("content") instanceof Map<?, ?> content
                && content.get(PROBLEM) instanceof Map<?, ?> media && media.get("schema") instanceof Map<?, ?> schema) {
            return schema.get("$ref");
        }
        return null;
    }
}
