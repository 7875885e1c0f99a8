package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.chassis.problem.Problem;
import ba.refnet.testsupport.Caller;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DuplicateDetectionTest {

    /** Valid JMBG of someone born 1 January 1990 (check digit 3). */
    static final String JMBG = "0101990170003";

    static final Caller CSR_WORKER = Caller.of("worker-csr", "case-worker", CaseApiTest.CSR);

    static String person(String given, String family, String birthDate, String jmbg) {
        return """
                {"members": [{"role": "self", "givenName": "%s", "familyName": "%s", "sex": "female"%s%s}]}"""
                .formatted(given, family, birthDate == null ? "" : ", \"birthDate\": \"" + birthDate + "\"",
                        jmbg == null ? "" : ", \"jmbg\": \"" + jmbg + "\"");
    }

    /**
     * A date of birth no other test's person has (a day between 1930 and 1999), so that a match can only be with
     * the cases this test opened.
     */
    static LocalDate aBirthDateOfItsOwn() {
        return LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(70 * 365));
    }

    /** A valid JMBG of someone born on that date (DDMMYYY RR BBB K, K the modulo-11 check digit). */
    static String jmbgBornOn(LocalDate birthDate) {
        String date = birthDate.format(DateTimeFormatter.ofPattern("ddMM")) + String.valueOf(birthDate.getYear())
                .substring(1);
        int[] weights = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        for (int serial = 0; ; serial++) {
            String twelve = date + "17" + "%03d".formatted(serial);
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += weights[i] * (twelve.charAt(i) - '0');
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return twelve + (check == 11 ? 0 : check);
            }
        }
    }

    /** The case of a person known by identity number at the centre for social work. */
    static String aCaseAtTheCentre(String jmbg) {
        return CSR_WORKER.call(() -> given().contentType("application/json").body(person("Dženana", "Čelić", null, jmbg))
                .post("/cases").then().statusCode(201).extract().path("id"));
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void theSamePersonIsFoundByIdentityNumberOrByNameInAnyScriptAndNeverMerged() {
        LocalDate born = aBirthDateOfItsOwn();
        String jmbg = jmbgBornOn(born);
        String body = given().contentType("application/json").body(person("Dženana", "Čelić", null, jmbg))
                .post("/cases").then().statusCode(201)
                .body("members[0].birthDate", equalTo(born.toString()))
                .body("duplicateWarnings", nullValue())
                .extract().asString();
        assertFalse(body.contains(jmbg), "the identity number is never returned");
        String firstCase = JsonPath.from(body).getString("id");

        given().contentType("application/json").body(person("Dzenana", "Kovač", null, jmbg)).post("/cases")
                .then().statusCode(201)
                .body("duplicateWarnings[0].matchedOn", equalTo("identity_number"))
                .body("duplicateWarnings[0].caseId", equalTo(firstCase));
        given().contentType("application/json").body(person("Џенана", "Челић", born.toString(), null)).post("/cases")
                .then().statusCode(201)
                .body("duplicateWarnings.matchedOn", hasItem("name_and_birth_date"))
                .body("duplicateWarnings.caseId", hasItem(firstCase));
    }

    @Test
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.NGO))
    void anotherOrganisationLearnsOnlyThatACaseExistsThere() {
        String jmbg = jmbgBornOn(aBirthDateOfItsOwn());
        aCaseAtTheCentre(jmbg);
        given().contentType("application/json").body(person("D", "Č", null, jmbg)).post("/cases/duplicate-check")
                .then().statusCode(200)
                .body("[0].matchedOn", equalTo("identity_number"))
                .body("[0].organizationId", equalTo(CaseApiTest.CSR))
                .body("[0].caseId", nullValue());
    }

    @Test
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
