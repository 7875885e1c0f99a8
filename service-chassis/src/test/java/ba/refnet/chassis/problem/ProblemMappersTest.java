package ba.refnet.chassis.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.testapp.FailingResource;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error the chassis knows answers as an RFC 9457 problem: its status, its fields, never its insides. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProblemMappersTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status, String kind) {
        return response.statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://refnet.ba/problems/" + kind))
                .body("status", equalTo(status))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void theChassisExceptionsAnswerTheirStatusWithWhatWentWrong() {
        problem(given().get("/failures/not-found").then(), 404, "not-found")
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("case 7 does not exist or is not visible to your organisation"))
                .body("instance", equalTo("/failures/not-found"));
        problem(given().get("/failures/conflict").then(), 409, "conflict")
                .body("detail", equalTo("cannot go from closed to open"));
        problem(given().get("/failures/precondition-failed").then(), 412, "precondition-failed")
                .body("detail", equalTo("If-Match names version 3, the record is at version 4"));
        problem(given().get("/failures/access-denied").then(), 403, "forbidden")
                .body("detail", equalTo("the case belongs to another organisation"));
        problem(given().get("/failures/concurrent-change").then(), 409, "conflict")
                .body("detail", containsString("changed by someone else"));
        problem(given().get("/failures/not-acceptable").then(), 406, "not-acceptable")
                .body("title", equalTo("Not Acceptable"));
    }

    @Test
    void invalidInputNamesEachField() {
        problem(given().get("/failures/invalid-input").then(), 400, "validation")
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("supportTypes[0]: unknown code 'astrology'"))
                .body("violations.field", hasItems("supportTypes[0]", "municipalityCode"))
                .body("violations.message", hasItems("unknown code 'astrology'", "unknown municipality '99999'"));
        problem(given().contentType("application/json").body("{\"name\": \"\", \"age\": 200}")
                .post("/failures/registrations").then(), 400, "validation")
                .body("violations.field", equalTo(List.of("age", "name")))
                .body("detail", allOf(containsString("age: "), containsString("name: ")));
    }

    @Test
    void unreadableBodiesSayWhereAndWhy() {
        problem(given().contentType("application/json").body("{\"name\": \"Amra\",")
                .post("/failures/registrations").then(), 400, "malformed-json")
                .body("detail", containsString("the request body is not valid JSON at line 1"));
        problem(given().contentType("application/json").body("{\"name\": \"Amra\", \"age\": 7, \"colour\": \"red\"}")
                .post("/failures/registrations").then(), 400, "validation")
                .body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", containsString("unknown field"));
        problem(given().contentType("application/json").body("{\"name\": \"Amra\", \"age\": \"seven\"}")
                .post("/failures/registrations").then(), 400, "validation")
                .body("violations[0].field", equalTo("age"))
                .body("violations[0].message", equalTo("value has the wrong type or format"));
    }

    @Test
    void anUnexpectedErrorGivesAReferenceAndNothingOfItsInsides() {
        String body = problem(given().get("/failures/internal").then(), 500, "internal")
                .body("title", equalTo("Internal error"))
                .body("detail", matchesPattern("the request could not be completed; quote reference "
                        + "[0-9a-f-]{36} to the operators"))
                .extract().asString();
        assertFalse(body.contains("hunter2") || body.contains(FailingResource.SECRET) || body.contains("ba.refnet"),
                body);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        problem(given().contentType("application/json").body("{\"name\": \"" + "a".repeat(300 * 1024) + "\"}")
                .post("/failures/registrations").then(), 413, "payload-too-large")
                .body("detail", equalTo("the request body may be at most 256 KiB"));
    }

    @Test
    void withoutATokenTheAnswerIs401AndNamesTheScheme() {
        problem(given().get("/failures/network-admins-only").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("a valid bearer token is required"))
                .body("violations", nullValue());
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void aRoleThatIsNotNamedIsForbidden() {
        problem(given().get("/failures/network-admins-only").then(), 403, "forbidden")
                .body("detail", equalTo("your role does not allow this operation"));
    }
}
