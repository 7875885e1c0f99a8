package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.registry.rest.OrganizationResource;
import ba.refnet.registry.rest.ServiceResource;
import ba.refnet.testsupport.Caller;
import ba.refnet.testsupport.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The HSDS API's answers are checked against the published HSDS 3.0 schemas. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class HsdsApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Caller NETWORK_ADMIN = Caller.of("admin", "network-admin");

    static JsonSchema schema(String file) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:hsds-3.0/" + file), config);
    }

    static void assertValid(String file, JsonNode node) {
        Set<ValidationMessage> errors = schema(file).validate(node);
        assertEquals(Set.of(), errors, file + ": " + node);
    }

    static JsonNode get(String path) throws Exception {
        return JSON.readTree(given().get(path).then().statusCode(200).extract().asString());
    }

    /** An organisation with its office and one service there. */
    record Entry(String organization, String service) {
    }

    /** The example centre for social work in full, with numbers of its own (the directory holds each once). */
    static Entry anEntryInFull() {
        long n = ThreadLocalRandom.current().nextLong(100_000_000_000L);
        return NETWORK_ADMIN.call(() -> {
            String organization = given().contentType("application/json").body(OrganizationResource.CSR
                    .replace("4227000000001", "42" + "%011d".formatted(n)).replace("1-1234/05", "HSDS-" + n))
                    .post("/organizations").then().statusCode(201).extract().path("id");
            String location = given().get("/organizations/" + organization).then().extract().path("locations[0].id");
            String service = given().contentType("application/json").body(ServiceResource.COUNSELLING.replace(
                    "\"areaCodes\"", "\"locationIds\": [\"" + location + "\"], \"areaCodes\""))
                    .post("/organizations/" + organization + "/services").then().statusCode(201).extract().path("id");
            return new Entry(organization, service);
        });
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner-system")
    void servicesAndOrganizationsMatchTheHsdsSchemas() throws Exception {
        Entry entry = anEntryInFull();
        String organization = entry.organization();
        String service = entry.service();
        JsonNode full = get("/hsds/services/" + service);
        assertValid("service.json", full);
        assertEquals("active", full.get("status").asText());
        assertEquals("psychosocial.counselling", full.get("attributes").get(0).get("taxonomy_term").get("code").asText());
        assertTrue(full.get("service_at_locations").get(0).get("location").get("addresses").size() == 1);

        JsonNode page = get("/hsds/services?organization_id=" + organization + "&per_page=5");
        assertEquals(1, page.get("total_items").asInt());
        assertEquals(1, page.get("page_number").asInt());
        assertTrue(page.get("first_page").asBoolean() && page.get("last_page").asBoolean());
        for (JsonNode item : page.get("contents")) {
            assertValid("service_list.json", item);
        }
        JsonNode organizationFull = get("/hsds/organizations/" + organization);
        assertValid("organization.json", organizationFull);
        assertEquals(1, organizationFull.get("services").size());
        JsonNode organizations = get("/hsds/organizations?search=Centar socijalni&per_page=100");
        for (JsonNode item : organizations.get("contents")) {
            assertValid("organization_list.json", item);
        }
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner-system")
    void taxonomiesAndFilters() throws Exception {
        String organization = anEntryInFull().organization();
        JsonNode taxonomies = get("/hsds/taxonomies");
        assertEquals(2, taxonomies.get("total_items").asInt());
        taxonomies.get("contents").forEach(t -> assertValid("taxonomy.json", t));
        JsonNode terms = given().header("Accept-Language", "en").get("/hsds/taxonomy_terms?search=counsel").then()
                .statusCode(200).extract().as(JsonNode.class);
        JsonNode counselling = terms.get("contents").get(0);
        assertValid("taxonomy_term.json", counselling);
        assertEquals("Counselling", counselling.get("name").asText());
        String termId = counselling.get("id").asText();
        given().get("/hsds/services?taxonomy_term_id=" + termId + "&organization_id=" + organization).then()
                .body("total_items", equalTo(1));
        String parent = counselling.get("parent_id").asText();
        given().get("/hsds/taxonomy_terms?parent_id=" + parent).then().body("total_items", equalTo(2));
        given().get("/hsds/taxonomy_terms?top_only=true&taxonomy_id=" + counselling.get("taxonomy_id").asText())
                .then().body("contents.find { it.code == 'psychosocial.counselling' }", org.hamcrest.Matchers.nullValue());
        given().get("/hsds/services?modified_after=2999-01-01T00:00:00Z").then().body("total_items", equalTo(0));
        given().get("/hsds/services?modified_after=yesterday").then().statusCode(400);
        given().get("/hsds/services?taxonomy_term_id=00000000-0000-4000-8000-000000000000").then().statusCode(400);
        given().get("/hsds/services?page=0").then().statusCode(400);
        given().get("/hsds/").then().statusCode(200).body("version", equalTo("3.0"));
    }
}
