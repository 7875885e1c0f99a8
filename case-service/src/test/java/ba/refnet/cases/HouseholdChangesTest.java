package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ba.refnet.cases.domain.AgeBands;
import ba.refnet.cases.domain.Contact;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.MemberRole;
import ba.refnet.cases.domain.Sex;
import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** After intake the household changes: people join or are corrected, needs and contact change. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class HouseholdChangesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    @Inject
    CaseRepository cases;

    /** A case of another organisation, stored directly: the caller of the test cannot open it through the API. */
    String caseOf(String organization) {
        FamilyCase familyCase = FamilyCase.open(UUID.fromString(organization), "10705", List.of(), List.of(),
                Contact.NONE, List.of(new FamilyCase.NewMember(MemberRole.SELF, "Ana", "Anić", Sex.FEMALE,
                        LocalDate.of(1990, 1, 1), false, null)), "someone",
                new AgeBands(15, 25).on(LocalDate.now()), Instant.now());
        QuarkusTransaction.requiringNew().run(() -> cases.persist(familyCase));
        return familyCase.id().toString();
    }

    static final String WITH_NEEDS = """
            {"municipalityCode": "10705", "vulnerabilities": ["poverty"], "needs": ["material", "psychosocial.counselling"],
             "contact": {"phone": "+387 36 123 456", "email": "porodica@example.ba", "address": "Maršala Tita 10"},
             "members": [
               {"role": "parent_or_guardian", "givenName": "Amra", "familyName": "Hodžić", "sex": "female", "birthDate": "1988-03-14"},
               {"role": "child", "givenName": "Tarik", "familyName": "Hodžić", "sex": "male", "estimatedAge": 7}]}""";

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void intakeTakesNeedsContactAndEstimatedAges() {
        given().contentType("application/json").body(WITH_NEEDS).post("/cases").then().statusCode(201)
                .body("needs", contains("material", "psychosocial.counselling"))
                .body("contact.phone", equalTo("+387 36 123 456"))
                .body("members[1].birthDateEstimated", equalTo(true))
                .body("members[1].birthDate", equalTo(LocalDate.now().minusYears(7).toString()));
        given().contentType("application/json").body(WITH_NEEDS.replace("\"material\"", "\"astrology\"")
                        .replace("\"estimatedAge\": 7", "\"estimatedAge\": 7, \"birthDate\": \"2019-01-01\""))
                .post("/cases").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("needs[0]"))
                .body("violations.field", hasItem("members[1].estimatedAge"));
        given().contentType("application/json").body(WITH_NEEDS.replace("porodica@example.ba", "not-an-email"))
                .post("/cases").then().statusCode(400).body("violations.field", hasItem("contact.email"));
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void membersAndNeedsChangeWithEventsThatNameNoOne() {
        Response opened = given().contentType("application/json").body(WITH_NEEDS).post("/cases");
        String caseId = opened.then().statusCode(201).extract().path("id");
        String etag = opened.getHeader("ETag");
        String parent = opened.path("members[0].id");

        Response added = given().contentType("application/json").header("If-Match", etag)
                .body("""
                        {"role": "extended_family", "givenName": "Fata", "familyName": "Hodžić", "sex": "female", "estimatedAge": 70}""")
                .post("/cases/" + caseId + "/members");
        added.then().statusCode(201).body("member.role", equalTo("extended_family"));
        given().contentType("application/json").header("If-Match", etag)
                .body("{\"needs\": [\"educational\"]}").put("/cases/" + caseId + "/needs").then().statusCode(412);

        // a name correction stays here; a corrected birth date that changes the age group is published
        given().contentType("application/json").body("""
                {"role": "parent_or_guardian", "givenName": "Amra", "familyName": "Hodžić-Begić", "sex": "female", "birthDate": "1988-03-14"}""")
                .put("/cases/" + caseId + "/members/" + parent).then().statusCode(200)
                .body("members[0].familyName", equalTo("Hodžić-Begić"));
        given().contentType("application/json").body("""
                {"role": "parent_or_guardian", "givenName": "Amra", "familyName": "Hodžić-Begić", "sex": "female", "birthDate": "2000-03-14"}""")
                .put("/cases/" + caseId + "/members/" + parent).then().statusCode(200);
        given().contentType("application/json").body("{\"needs\": [\"educational\", \"material\"], \"vulnerabilities\": [\"poverty\", \"roma_community\"]}")
                .put("/cases/" + caseId + "/needs").then().statusCode(200)
                .body("needs", contains("educational", "material"));
        given().contentType("application/json").body("{\"needs\": [\"nonsense\"]}")
                .put("/cases/" + caseId + "/needs").then().statusCode(400).body("violations[0].field", equalTo("needs[0]"));
        given().contentType("application/json").body("{\"phone\": \"+387 61 000 111\"}")
                .put("/cases/" + caseId + "/contact").then().statusCode(200)
                .body("contact.phone", equalTo("+387 61 000 111")).body("contact.email", equalTo(null));
        given().contentType("application/json").body("{\"phone\": \"call me\"}")
                .put("/cases/" + caseId + "/contact").then().statusCode(400);
        given().contentType("application/json").body("{\"needs\": []}")
                .put("/cases/00000000-0000-4000-8000-000000000999/needs").then().statusCode(404);

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            var records = kafka.consumeStrings()
                    .fromTopics(Topics.CASES, r -> r.select().where(x -> x.key().equals(caseId)))
                    .awaitRecords(4, Duration.ofSeconds(20)).getRecords();
            List<String> types = records.stream().map(r -> codec.parse(r.value()).getType()).toList();
            assertEquals(List.of("ba.refnet.case.opened.v1", "ba.refnet.case.member-added.v1",
                    "ba.refnet.case.member-changed.v1", "ba.refnet.case.needs-changed.v1"), types);
            records.forEach(r -> {
                assertFalse(r.value().contains("Hodžić"), "no names in events");
                assertFalse(r.value().contains("+387"), "no phone numbers in events");
            });
            String changed = new String(codec.parse(records.get(2).value()).getData().toBytes(), StandardCharsets.UTF_8);
            assertFalse(changed.contains("\"ageBand\":\"adult\""), "the corrected birth date moved her to youth: " + changed);
        }
    }

    @Test
    @TestSecurity(user = "worker-ngo", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.NGO))
    void anotherOrganisationCannotChangeTheHousehold() {
        String foreign = caseOf(CaseApiTest.CSR);
        given().contentType("application/json").body("""
                {"role": "child", "givenName": "X", "familyName": "Y", "sex": "male"}""")
                .post("/cases/" + foreign + "/members").then().statusCode(404);
        given().contentType("application/json").body("{\"needs\": []}")
                .put("/cases/" + foreign + "/needs").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void analystsDoNotTouchCases() {
        given().contentType("application/json").body("{\"needs\": []}")
                .put("/cases/00000000-0000-4000-8000-000000000999/needs").then().statusCode(403);
    }
}
