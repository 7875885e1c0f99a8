package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.registry.persistence.HumanServiceRepository;
import ba.refnet.registry.persistence.OrganizationRepository;
import ba.refnet.testsupport.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Onboarding another directory: the HSDS specification's own examples import cleanly, twice changes nothing. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class HsdsImportTest {

    static final List<String> CSV_TABLES = List.of("accessibility", "addresses", "attributes", "contacts",
            "cost_options", "funding", "languages", "locations", "meta_table_descriptions", "metadata",
            "organization_identifiers", "organizations", "phones", "programs", "required_documents", "schedules",
            "service_areas", "service_at_location", "services", "taxonomies", "taxonomy_terms");

    @Inject
    OrganizationRepository organizations;

    @Inject
    HumanServiceRepository services;

    static String example(String name) throws IOException {
        try (InputStream in = HsdsImportTest.class.getResourceAsStream("/hsds-3.0/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] csvPackage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String table : CSV_TABLES) {
                zip.putNextEntry(new ZipEntry("hsds/" + table + ".csv"));
                zip.write(example("csv/" + table + ".csv").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private long stored() {
        return QuarkusTransaction.requiringNew().call(() -> organizations.count() + services.count());
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void theSpecificationsJsonExamplesImportCleanlyAndTwiceChangesNothing() throws IOException {
        String organization = example("organization_full.json");
        long before = stored();
        given().contentType("application/json").body(organization).post("/hsds-imports?dryRun=true").then()
                .statusCode(200).body("dryRun", equalTo(true)).body("errors.size()", equalTo(0))
                .body("items.size()", equalTo(2)).body("warnings.field", hasItem("parent_organization_id"));
        assertEquals(before, stored(), "a dry run stores nothing");
        // the CSV package carries the same organisation: whichever test runs first creates it
        given().contentType("application/json").body(organization).post("/hsds-imports").then().statusCode(200)
                .body("errors.size()", equalTo(0)).body("items.outcome", not(hasItem("unchanged")));
        long after = stored();
        given().contentType("application/json").body(organization).post("/hsds-imports").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", greaterThan(0));
        assertEquals(after, stored(), "importing again changes nothing");
        given().contentType("application/json").body(example("service_full.json")).post("/hsds-imports").then()
                .statusCode(200).body("errors.size()", equalTo(0));
        given().contentType("application/json").body(example("organization_list.json")).post("/hsds-imports").then()
                .statusCode(200).body("errors.size()", equalTo(0));

        // what came in goes out again as valid HSDS
        JsonNode exported = given().get("/hsds/organizations/d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610").then()
                .statusCode(200).extract().as(JsonNode.class);
        HsdsApiTest.assertValid("organization.json", exported);
        assertEquals("Example Organization Inc.", exported.get("name").asText());
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void theSpecificationsCsvPackageImportsCleanly() throws IOException {
        byte[] zip = csvPackage();
        given().contentType("application/zip").body(zip).post("/hsds-imports?dryRun=true").then().statusCode(200)
                .body("errors.size()", equalTo(0));
        given().contentType("application/zip").body(zip).post("/hsds-imports").then().statusCode(200)
                .body("errors.size()", equalTo(0)).body("items.kind", hasItem("service"));
        given().contentType("application/zip").body(zip).post("/hsds-imports").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0));
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void oneBadObjectImportsNothingAndEachProblemIsPlaced() {
        UUID good = UUID.randomUUID();
        String body = """
                [{"id": "%s", "name": "Dobra organizacija", "description": "x"},
                 {"id": "not-a-uuid", "name": "Loša"},
                 {"id": "%s", "description": "bez imena"},
                 {"id": "%s", "name": "Usluga", "status": "active", "organization_id": "%s", "minimum_age": 30, "maximum_age": 10}]"""
                .formatted(good, UUID.randomUUID(), UUID.randomUUID(), good);
        long before = stored();
        given().contentType("application/json").body(body).post("/hsds-imports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("/1: id"))
                .body("violations.field", hasItem("/2: name"))
                .body("violations.field", hasItem("/3: maximum_age"));
        assertEquals(before, stored(), "nothing half-imported");
        given().contentType("application/json").body(body).post("/hsds-imports?dryRun=true").then().statusCode(200)
                .body("errors.size()", equalTo(3));
        assertEquals(before, stored());
        given().contentType("application/json").body("{not json").post("/hsds-imports").then().statusCode(400);
        given().contentType("application/zip").body("not a zip".getBytes()).post("/hsds-imports").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "coordinator", roles = "coordinator")
    void onlyNetworkAdministratorsImport() {
        given().contentType("application/json").body("[]").post("/hsds-imports").then().statusCode(403);
    }
}
