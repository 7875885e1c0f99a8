package ba.refnet.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.Caller;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Networks, working groups and memoranda; the code lists in five languages. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NetworkAndReferenceTest {

    static final Caller NETWORK_ADMIN = Caller.of("admin", "network-admin");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    /** The three organisations that found a network in Mostar. */
    record Founders(String sos, String csr, String school) {
        static Founders register() {
            return NETWORK_ADMIN.call(() -> new Founders(OrganizationApiTest.register("SOS Dječija sela Mostar"),
                    OrganizationApiTest.register("Centar za socijalni rad Mostar"),
                    OrganizationApiTest.register("OŠ Mostar")));
        }
    }

    private static String newNetwork(Founders founders) {
        return given().contentType("application/json").body("""
                {"name": "Zajednička priča", "kind": "informal_network", "municipalityCode": "10705",
                 "coordinatingOrganizationId": "%s"}""".formatted(founders.sos())).post("/networks").then()
                .statusCode(201).body("members", hasSize(1)).extract().path("id");
    }

    private static void join(String network, String organization) {
        given().contentType("application/json").body("{\"organizationId\": \"" + organization + "\"}")
                .post("/networks/" + network + "/members").then().statusCode(200);
    }

    /** SOS founds the network, the centre and the school join, the school leaves again: four membership changes. */
    private static String aNetworkThatGrewAndShrank(Founders founders) {
        return NETWORK_ADMIN.call(() -> {
            String network = newNetwork(founders);
            join(network, founders.csr());
            join(network, founders.school());
            given().delete("/networks/" + network + "/members/" + founders.school()).then().statusCode(200);
            return network;
        });
    }

    private static String newMemorandum(String network, Founders founders) {
        return given().contentType("application/json").body("""
                {"title": "Memorandum o saradnji", "networkId": "%s", "signatoryOrganizationIds": ["%s", "%s", "%s"],
                 "validUntil": "2029-12-31"}""".formatted(network, founders.sos(), founders.csr(), founders.school()))
                .post("/memoranda").then().statusCode(201).body("status", equalTo("draft"))
                .body("kind", equalTo("multilateral")).extract().path("id");
    }

    private static String aSignedMemorandum(String network, Founders founders) {
        return NETWORK_ADMIN.call(() -> {
            String memorandum = newMemorandum(network, founders);
            given().contentType("application/json").body("{\"signedOn\": \"2026-11-01\"}")
                    .post("/memoranda/" + memorandum + "/sign").then().statusCode(200);
            return memorandum;
        });
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void aNetworkIsFoundedAndGrows() {
        Founders founders = Founders.register();
        String sos = founders.sos();
        String csr = founders.csr();
        String school = founders.school();
        String network = newNetwork(founders);
        String etag = given().get("/networks/" + network).getHeader("ETag");
        given().contentType("application/json").header("If-Match", etag)
                .body("{\"organizationId\": \"" + csr + "\", \"joinedOn\": \"2026-01-15\"}")
                .post("/networks/" + network + "/members").then().statusCode(200).body("members", hasSize(2));
        given().contentType("application/json").header("If-Match", etag)
                .body("{\"organizationId\": \"" + school + "\"}")
                .post("/networks/" + network + "/members").then().statusCode(412);
        given().contentType("application/json").body("{\"organizationId\": \"" + school + "\"}")
                .post("/networks/" + network + "/members").then().statusCode(200);
        given().contentType("application/json").body("{\"organizationId\": \"" + school + "\"}")
                .post("/networks/" + network + "/members").then().statusCode(409);
        given().delete("/networks/" + network + "/members/" + school).then().statusCode(200).body("members", hasSize(2));
        given().delete("/networks/" + network + "/members/" + sos).then().statusCode(409);
        given().contentType("application/json").body("{\"name\": \"X\", \"kind\": \"club\", \"municipalityCode\": \"99999\"}")
                .post("/networks").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "admin", roles = "network-admin")
    void aMemorandumIsSignedByItsSignatories() {
        Founders founders = Founders.register();
        String sos = founders.sos();
        String memorandum = newMemorandum(aNetworkThatGrewAndShrank(founders), founders);
        given().contentType("application/json").body("{\"signedOn\": \"2026-11-01\"}")
                .post("/memoranda/" + memorandum + "/sign").then().statusCode(200).body("status", equalTo("signed"));
        given().contentType("application/json").body("{\"signedOn\": \"2026-11-02\"}")
                .post("/memoranda/" + memorandum + "/sign").then().statusCode(409);
        given().contentType("application/json").body("""
                {"title": "Sam sa sobom", "signatoryOrganizationIds": ["%s", "%s"], "signedOn": "2026-11-01",
                 "validUntil": "2020-01-01"}""".formatted(sos, sos))
                .post("/memoranda").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "worker", roles = "case-worker")
    void theDirectoriesOfSignatoriesAndNetworksAreQueries() {
        Founders founders = Founders.register();
        String network = aNetworkThatGrewAndShrank(founders);
        String memorandum = aSignedMemorandum(network, founders);
        String csr = founders.csr();
        String school = founders.school();
        given().get("/memoranda/" + memorandum + "/signatories").then().statusCode(200)
                .body("name", contains("Centar za socijalni rad Mostar", "OŠ Mostar", "SOS Dječija sela Mostar"));
        given().get("/organizations/" + csr + "/networks").then().statusCode(200).body("name", contains("Zajednička priča"));
        given().get("/organizations/" + school + "/networks").then().statusCode(200).body("$", hasSize(0));
        given().get("/organizations/" + school + "/memoranda").then().statusCode(200).body("title", hasItem("Memorandum o saradnji"));
        given().get("/networks/" + network + "/members").then().statusCode(200).body("$", hasSize(2));
        given().contentType("application/json").body("{\"name\": \"Moja mreža\", \"kind\": \"working_group\"}")
                .post("/networks").then().statusCode(403);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            List<String> changes = kafka.consumeStrings()
                    .fromTopics(Topics.NETWORKS, r -> r.select().where(x -> x.key().equals(network)))
                    .awaitRecords(4, Duration.ofSeconds(20)).getRecords().stream()
                    .map(r -> codec.parse(r.value()).getType()).distinct().toList();
            assertEquals(List.of("ba.refnet.network.membership-changed.v1"), changes);
            assertEquals("ba.refnet.memorandum.signed.v1", codec.parse(kafka.consumeStrings()
                    .fromTopics(Topics.NETWORKS, r -> r.select().where(x -> x.key().equals(memorandum)))
                    .awaitRecords(1, Duration.ofSeconds(20)).getRecords().get(0).value()).getType());
        }
    }

    @Test
    @TestSecurity(user = "worker", roles = "case-worker")
    void codeListsSpeakTheCallersLanguage() {
        given().header("Accept-Language", "sr-Cyrl").get("/support-types").then().statusCode(200)
                .header("Content-Language", "sr-Cyrl")
                .body("find { it.code == 'legal_aid' }.label", equalTo("Правна помоћ"));
        given().header("Accept-Language", "sr-Latn").get("/support-types").then()
                .body("find { it.code == 'psychosocial.counselling' }.label", equalTo("Savetovanje"));
        given().header("Accept-Language", "hr-HR, en;q=0.5").get("/support-types").then()
                .body("find { it.code == 'foster_care' }.label", equalTo("Udomiteljstvo"));
        given().header("Accept-Language", "en").get("/target-groups").then()
                .body("find { it.code == 'roma_community' }.label", equalTo("Roma community"));
        given().header("Accept-Language", "de").get("/support-types").then().header("Content-Language", "bs")
                .body("find { it.code == 'foster_care' }.labels.en", equalTo("Foster care"));
        given().get("/administrative-units?kind=canton").then().statusCode(200).body("$", hasSize(10));
        given().get("/administrative-units?kind=municipality&parent=BA-07").then().statusCode(200)
                .body("$", hasSize(9)).body("label", hasItem("Mostar"));
        given().get("/administrative-units?kind=municipality").then().body("$", hasSize(143));
        given().get("/administrative-units?parent=BA-42").then().statusCode(400);
        given().get("/administrative-units?kind=planet").then().statusCode(400);
    }
}
