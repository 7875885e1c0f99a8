package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.problem.Problem;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuplicateDetectionTest {

    /** Valid JMBG of someone born 1 January 1990 (check digit 3). */
    static final String JMBG = "0101990170003";

    static String person(String given, String family, String birthDate, String jmbg) {
        return """
                {"members": [{"role": "self", "givenName": "%s", "familyName": "%s", "sex": "female"%s%s}]}"""
                .formatted(given, family, birthDate == null ? "" : ", \"birthDate\": \"" + birthDate + "\"",
                        jmbg == null ? "" : ", \"jmbg\": \"" + jmbg + "\"");
    }

    static String firstCase;

    @Test
    @Order(1)
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void theSamePersonIsFoundByIdentityNumberOrByNameInAnyScriptAndNeverMerged() {
        String body = given().contentType("application/json").body(person("Dženana", "Čelić", null, JMBG))
                .post("/cases").then().statusCode(201)
                .body("members[0].birthDate", equalTo("1990-01-01"))
                .body("duplicateWarnings", nullValue())
                .extract().asString();
        assertFalse(body.contains(JMBG), "the identity number is never returned");
        firstCase = io.restassured.path.json.JsonPath.from(body).getString("id");

        given().contentType("application/json").body(person("Dzenana", "Kovač", null, JMBG)).post("/cases")
                .then().statusCode(201)
                .body("duplicateWarnings[0].matchedOn", equalTo("identity_number"))
                .body("duplicateWarnings[0].caseId", equalTo(firstCase));
        given().contentType("application/json").body(person("Џенана", "Челић", "1990-01-01", null)).post("/cases")
                .then().statusCode(201)
                .body("duplicateWarnings.matchedOn", hasItem("name_and_birth_date"))
                .body("duplicateWarnings.caseId", hasItem(firstCase));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.NGO))
    void anotherOrganisationLearnsOnlyThatACaseExistsThere() {
        given().contentType("application/json").body(person("D", "Č", null, JMBG)).post("/cases/duplicate-check")
                .then().statusCode(200)
                .body("[0].matchedOn", equalTo("identity_number"))
                .body("[0].organizationId", equalTo(CaseApiTest.CSR))
                .body("[0].caseId", nullValue());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void badIdentityNumbersAreRefused() {
        given().contentType("application/json").body(person("A", "B", null, "0101990170001")).post("/cases")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("members[0].jmbg"))
                .body("violations[0].message", equalTo("its check digit does not match"));
        given().contentType("application/json").body(person("A", "B", "1991-05-05", JMBG)).post("/cases")
                .then().statusCode(400).body("violations[0].field", equalTo("members[0].birthDate"));
        given().contentType("application/json").body(person("A", "B", null, "abc")).post("/cases")
                .then().statusCode(400).body("violations[0].message", equalTo("must be 13 digits"));
    }
}
