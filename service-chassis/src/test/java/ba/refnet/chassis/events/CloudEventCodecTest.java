package ba.refnet.chassis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ba.refnet.contracts.EventType;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.testsupport.RealInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A consumer deployed before its producer's next schema version goes on reading the events. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CloudEventCodecTest {

    @Inject
    CloudEventCodec codec;

    @Inject
    ObjectMapper json;

    private final OrganizationRegisteredV1 payload = new OrganizationRegisteredV1(UUID.randomUUID(), "Udruženje",
            LegalForm.NGO, "10705", Instant.now().truncatedTo(ChronoUnit.MILLIS));

    private ObjectNode event() throws Exception {
        String message = codec.serialize(codec.build(EventType.ORGANIZATION_REGISTERED,
                payload.organizationId().toString(), payload));
        return (ObjectNode) json.readTree(message);
    }

    @Test
    void fieldsOfTheNextMinorVersionAreSkipped() throws Exception {
        ObjectNode next = event();
        ((ObjectNode) next.get("data")).put("websiteUrl", "https://udruzenje.example")
                .putObject("accreditation").put("body", "FMRSP").put("until", "2030-01-01");
        next.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        CloudEvent event = codec.parse(json.writeValueAsString(next));

        assertEquals(payload, codec.data(event, OrganizationRegisteredV1.class));
    }

    @Test
    void aFieldOfTheWrongTypeIsStillRefused() throws Exception {
        ObjectNode broken = event();
        ((ObjectNode) broken.get("data")).put("registeredAt", "yesterday");

        CloudEvent event = codec.parse(json.writeValueAsString(broken));

        assertThrows(MalformedEventException.class, () -> codec.data(event, OrganizationRegisteredV1.class));
    }

    @Test
    void restBodiesStayStrict() {
        assertThrows(UnrecognizedPropertyException.class, () -> json.readValue(
                "{\"organizationId\":\"" + UUID.randomUUID() + "\",\"unknown\":1}", OrganizationRegisteredV1.class));
    }
}
