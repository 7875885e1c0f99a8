package ba.refnet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Java records, the JSON Schemas and the AsyncAPI document describe the same events. */
class EventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static JsonSchema schema(EventType type) throws IOException {
        try (InputStream in = resource("events/schemas/" + type.schemaName() + ".json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream("META-INF/resources/" + path);
        assertNotNull(in, "missing resource " + path);
        return in;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asyncApiMessages() throws IOException {
        try (InputStream in = resource("events/asyncapi.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            return (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("messages");
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    @SuppressWarnings("unchecked")
    void everyEventTypeIsDocumentedInAsyncApiWithExamplesThatMatchItsSchema(EventType type) throws IOException {
        Map<String, Object> message = asyncApiMessages().values().stream()
                .map(m -> (Map<String, Object>) m)
                .filter(m -> type.type().equals(m.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("AsyncAPI has no message named " + type.type()));
        assertEquals("./schemas/" + type.schemaName() + ".json", ((Map<String, Object>) message.get("payload")).get("$ref"));
        List<Map<String, Object>> examples = (List<Map<String, Object>>) message.get("examples");
        assertTrue(examples != null && !examples.isEmpty(), "no example for " + type);
        JsonSchema schema = schema(type);
        for (Map<String, Object> example : examples) {
            Set<ValidationMessage> errors = schema.validate(JSON.valueToTree(example.get("payload")));
            assertEquals(Set.of(), errors, "example " + example.get("name") + " of " + type);
        }
    }

    @Test
    void aSerialisedPayloadRecordValidatesAgainstItsSchema() throws IOException {
        ReferralRequestedV1 payload = new ReferralRequestedV1(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), List.of("psychosocial.counselling"), "urgent", "10705",
                List.of(new Person(UUID.randomUUID().toString(), "child", "child", "female")), List.of("household", "needs"),
                List.of(UUID.randomUUID()), Instant.now());
        JsonNode json = JSON.valueToTree(payload);
        assertEquals(Set.of(), schema(EventType.REFERRAL_REQUESTED).validate(json));
    }

    @Test
    void theSchemaRejectsADirectIdentifierSlippedIntoAPayload() throws IOException {
        Map<String, Object> withName = Map.of("organizationId", UUID.randomUUID().toString(), "name", "X",
                "legalForm", "ngo", "registeredAt", "2026-11-20T09:00:00Z", "directorName", "Amra Hodžić");
        assertTrue(!schema(EventType.ORGANIZATION_REGISTERED).validate(JSON.valueToTree(withName)).isEmpty());
    }
}
