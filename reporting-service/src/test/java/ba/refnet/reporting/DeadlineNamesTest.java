package ba.refnet.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.referral.Priority;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The deadline report names the receiving organisations the directory projection knows, and shows the others' ids. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DeadlineNamesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    private ProducerRecord<String, String> record(String topic, EventType type, UUID key, Object payload) {
        return EventRecords.cloudEvent(topic, key.toString(), codec.serialize(codec.build(type, key.toString(),
                payload)));
    }

    private ProducerRecord<String, String> referralTo(UUID sender, UUID receiver) {
        UUID referral = UUID.randomUUID();
        return record(Topics.REFERRALS, EventType.REFERRAL_REQUESTED, referral, new ReferralRequestedV1(referral,
                UUID.randomUUID(), sender, receiver, UUID.randomUUID(), List.of("legal_aid"), Priority.ROUTINE, "10705",
                List.of(), List.of(), List.of(), Instant.now().minusSeconds(600)));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void organisationsAreNamedWhereTheDirectoryKnowsThem() {
        UUID sender = UUID.randomUUID();
        UUID known = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        String name = "Savjetovalište Čelić " + known.toString().substring(0, 8);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(
                    record(Topics.ORGANIZATIONS, EventType.ORGANIZATION_REGISTERED, known,
                            new OrganizationRegisteredV1(known, name, LegalForm.NGO, "10705", Instant.now())),
                    referralTo(sender, known), referralTo(sender, unknown)).awaitCompletion();
        }
        String organization = "byOrganization.find { it.id == '%s' }.";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var deadlines = given().get("/reports/deadlines").then().statusCode(200).extract().jsonPath();
            return name.equals(deadlines.getString(organization.formatted(known) + "name"))
                    && deadlines.getInt(organization.formatted(unknown) + "referrals") == 1;
        });
        given().get("/reports/deadlines").then()
                .body(organization.formatted(unknown) + "name", nullValue());
        // from the facts (an organisation's own figures) the same
        given().queryParam("organizationId", known).get("/reports/deadlines").then().statusCode(200)
                .body(organization.formatted(known) + "name", equalTo(name));

        String csv = new String(given().queryParam("format", "csv").queryParam("lang", "bs")
                .get("/exports/deadlines").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(name), "the known organisation by name");
        assertFalse(csv.contains(known.toString()), "not by its id");
        assertTrue(csv.contains(unknown.toString()), "an organisation not yet known by its id");
    }
}
