package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A CSR brings its existing cases in: twice the same file changes nothing, one bad case stops the whole file. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseImportTest {

    static final String ORG = "00000000-0000-4000-8000-0000000000e7";

    @Inject
    CaseRepository cases;

    private static RequestSpecification ndjson(String body) {
        return given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestSpecification csv(String body) {
        return given().contentType("text/csv").body(body.getBytes(StandardCharsets.UTF_8));
    }

    private long ownCases() {
        return QuarkusTransaction.requiringNew().call(() -> cases.count("organizationId", UUID.fromString(ORG)));
    }

    private static String jsonLines(String suffix) {
        return """
                {"sourceId": "CSR-%1$s-1", "municipalityCode": "10705", "vulnerabilities": ["poverty"], "needs": ["material"], "members": [{"role": "self", "givenName": "Mirsad", "familyName": "Kovač", "sex": "male", "birthDate": "1979-02-11"}]}

                {"sourceId": "CSR-%1$s-2", "members": [{"role": "child", "givenName": "Lejla", "familyName": "Begić", "sex": "female", "estimatedAge": 9}]}
                """.formatted(suffix);
    }

    @Test
    @TestSecurity(user = "csr-system", roles = "partner-system")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ORG))
    void jsonLinesImportOnceAndOnlyOnce() {
        String file = jsonLines("json");
        long before = ownCases();
        ndjson(file).post("/case-imports?source=socijalna-karta&dryRun=true")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(2))
                .body("rows[0].outcome", equalTo("WOULD_CREATE")).body("rows[1].line", equalTo(3));
        assertEquals(before, ownCases(), "a dry run stores nothing");
        ndjson(file).post("/case-imports?source=socijalna-karta")
                .then().statusCode(200).body("created", equalTo(2)).body("rows[0].outcome", equalTo("CREATED"));
        assertEquals(before + 2, ownCases());
        ndjson(file).post("/case-imports?source=socijalna-karta")
                .then().statusCode(200).body("created", equalTo(0)).body("alreadyImported", equalTo(2))
                .body("rows[1].outcome", equalTo("ALREADY_IMPORTED"));
        assertEquals(before + 2, ownCases(), "the same file twice changes nothing");
        // the same ids from another source system are other cases
        ndjson(file).post("/case-imports?source=stari-registar")
                .then().statusCode(200).body("created", equalTo(2));
    }

    @Test
    @TestSecurity(user = "csr-system", roles = "partner-system")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ORG))
    void oneBadCaseImportsNothingAndEveryProblemIsNamedByLine() {
        String file = jsonLines("bad") + """
                {"sourceId": "CSR-bad-3", "members": [{"role": "cousin", "givenName": "A", "familyName": "B", "sex": "male", "birthDate": "2031-01-01"}]}
                {"sourceId": "CSR-bad-4", "members": [], "shoeSize": 42}
                {"sourceId": "CSR-bad-1", "members": [{"role": "self", "givenName": "A", "familyName": "B", "sex": "male"}]}
                not json at all
                """;
        long before = ownCases();
        ndjson(file).post("/case-imports?source=socijalna-karta")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("lines[4].members[0].role"))
                .body("violations.field", hasItem("lines[4].members[0].birthDate"))
                .body("violations.field", hasItem("lines[5].shoeSize"))
                .body("violations.field", hasItem("lines[6].sourceId"))
                .body("violations.field", hasItem("lines[7].json"));
        assertEquals(before, ownCases(), "nothing half-imported");
        ndjson(file).post("/case-imports?source=socijalna-karta&dryRun=true")
                .then().statusCode(200).body("invalid", equalTo(4)).body("created", equalTo(2));
        ndjson("").post("/case-imports?source=socijalna-karta")
                .then().statusCode(400);
        ndjson(file).post("/case-imports?source=Not%20A%20Name")
                .then().statusCode(400);
        ndjson(file).post("/case-imports").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "csr-system", roles = "partner-system")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ORG))
    void csvRowsOfAHouseholdBecomeOneCase() {
        String csv = """
                source_id,municipality_code,vulnerabilities,needs,role,given_name,family_name,sex,birth_date,estimated_age
                CSV-1,10705,risk_of_family_separation;poverty,material;parent_education,parent_or_guardian,Amra,Hodžić,female,1988-03-14,
                CSV-1,,,,child,Emir,Hodžić,male,2015-09-02,
                CSV-2,10705,,,self,Marko,Marić,male,,40
                """;
        long before = ownCases();
        csv(csv).post("/case-imports?source=csr-excel").then().statusCode(200)
                .body("created", equalTo(2)).body("rows[0].line", equalTo(2)).body("rows[1].line", equalTo(4));
        assertEquals(before + 2, ownCases());
        csv(csv).post("/case-imports?source=csr-excel").then().statusCode(200)
                .body("alreadyImported", equalTo(2));
        csv("source_id,role,given_name,sex,favourite_colour\nX,self,A,male,red\n")
                .post("/case-imports?source=csr-excel").then().statusCode(400)
                .body("violations.message", hasItem("missing column 'family_name'"));
        csv("""
                source_id,role,given_name,family_name,sex,birth_date
                CSV-9,self,A,B,male,14.03.1988
                """).post("/case-imports?source=csr-excel").then().statusCode(400)
                .body("violations[0].field", equalTo("lines[2].members[0].birthDate"));
    }

    @Test
    @TestSecurity(user = "csr-system", roles = "partner-system")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ORG))
    void anOversizedFileIsRefusedWithAProblem() {
        String huge = jsonLines("big").repeat(9 * 1024 * 1024 / 300);
        ndjson(huge).post("/case-imports?source=socijalna-karta")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "org_id", value = ORG))
    void analystsCannotImport() {
        ndjson(jsonLines("analyst")).post("/case-imports?source=x")
                .then().statusCode(403);
    }

    @Test
    void importsNeedAToken() {
        ndjson(jsonLines("anon")).post("/case-imports?source=x")
                .then().statusCode(401);
    }
}
