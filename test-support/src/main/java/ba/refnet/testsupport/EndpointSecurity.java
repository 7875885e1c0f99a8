package ba.refnet.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks every operation a service documents in its OpenAPI document, so that a new endpoint cannot slip in
 * without a role rule: without a token it must answer 401, with a token whose role no endpoint allows 403.
 */
public final class EndpointSecurity {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private EndpointSecurity() {
    }

    /** One documented operation, its path parameters filled with random ids. */
    public record Operation(String method, String path, String template, String contentType) {
    }

    /** Every operation must declare a security requirement, except the public ones named (as "GET /path"). */
    public static List<Operation> securedOperations(String... publicOperations) {
        List<String> allowed = List.of(publicOperations);
        List<String> unsecured = new ArrayList<>();
        List<Operation> secured = operations(unsecured);
        unsecured.removeAll(allowed);
        assertEquals(List.of(), unsecured, "operations without a role rule");
        return secured;
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations(List<String> unsecured) {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((template, item) -> {
            for (String method : METHODS) {
                Object op = item.get(method);
                if (op instanceof Map<?, ?> operation && operation.get("security") == null) {
                    unsecured.add(method.toUpperCase() + " " + template);
                } else if (op instanceof Map<?, ?> operation) {
                    String contentType = "application/json";
                    if (operation.get("requestBody") instanceof Map<?, ?> body
                            && body.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
                        contentType = content.keySet().iterator().next().toString();
                    }
                    String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    operations.add(new Operation(method, path, template, contentType));
                }
            }
        });
        assertTrue(operations.size() > 0, "the service documents secured operations");
        return operations;
    }

    /** Call without a token. */
    public static void everyOperationNeedsAToken(String... publicOperations) {
        for (Operation op : securedOperations(publicOperations)) {
            int status = call(op);
            assertEquals(401, status, op.method().toUpperCase() + " " + op.template() + " without a token");
        }
    }

    /** Call under {@code @TestSecurity} with a role that no endpoint allows. */
    public static void everyOperationRefusesAnUnknownRole(String... publicOperations) {
        for (Operation op : securedOperations(publicOperations)) {
            int status = call(op);
            assertEquals(403, status, op.method().toUpperCase() + " " + op.template() + " with a role it does not allow");
        }
    }

    private static int call(Operation op) {
        var request = given().redirects().follow(false);
        if (!op.method().equals("get") && !op.method().equals("delete")) {
            request = request.contentType(op.contentType()).body("{}".getBytes());
        }
        return request.request(op.method().toUpperCase(), op.path()).statusCode();
    }
}
