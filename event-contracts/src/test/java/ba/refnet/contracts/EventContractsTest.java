package ba.refnet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.referral.FailureReason;
import ba.refnet.contracts.referral.NeedMet;
import ba.refnet.contracts.referral.Priority;
import ba.refnet.contracts.referral.ProtocolDeadline;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatus;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.contracts.referral.RejectionReason;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
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
                UUID.randomUUID(), UUID.randomUUID(), List.of("psychosocial.counselling"), Priority.URGENT, "10705",
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

    private static Set<String> schemaCodes(EventType type, String property) throws IOException {
        try (InputStream in = resource("events/schemas/" + type.schemaName() + ".json")) {
            Set<String> codes = new java.util.TreeSet<>();
            JSON.readTree(in).path("properties").path(property).path("enum").forEach(code -> {
                if (!code.isNull()) {
                    codes.add(code.asText());
                }
            });
            return codes;
        }
    }

    private static <E extends Enum<E>> Set<String> codes(Class<E> type, Function<E, String> code) {
        return Arrays.stream(type.getEnumConstants()).map(code).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void theCodeEnumsWriteExactlyTheCodesTheSchemasAllow() throws IOException {
        assertEquals(schemaCodes(EventType.REFERRAL_COMPLETED, "status"), codes(ReferralStatus.class, ReferralStatus::code));
        assertEquals(schemaCodes(EventType.REFERRAL_COMPLETED, "fromStatus"),
                codes(ReferralStatus.class, ReferralStatus::code));
        assertEquals(schemaCodes(EventType.REFERRAL_COMPLETED, "needMet"), codes(NeedMet.class, NeedMet::code));
        assertEquals(schemaCodes(EventType.REFERRAL_COMPLETED, "priority"), codes(Priority.class, Priority::code));
        assertEquals(schemaCodes(EventType.REFERRAL_REQUESTED, "priority"), codes(Priority.class, Priority::code));
        assertEquals(schemaCodes(EventType.REFERRAL_OVERDUE, "deadline"),
                codes(ProtocolDeadline.class, ProtocolDeadline::code));
        for (ReferralStatus status : ReferralStatus.values()) {
            assertEquals("\"" + status.code() + "\"", JSON.writeValueAsString(status));
            assertEquals(status, JSON.readValue("\"" + status.code() + "\"", ReferralStatus.class));
        }
        assertEquals("in_progress", ReferralStatus.IN_PROGRESS.code());
        assertEquals("already_receiving_service", RejectionReason.ALREADY_RECEIVING_SERVICE.code());
        assertEquals("client_stopped_attending", FailureReason.CLIENT_STOPPED_ATTENDING.code());
    }

    private static ReferralStatusChangedV1 changed(ReferralStatus status, String reasonCode, NeedMet needMet) {
        return new ReferralStatusChangedV1(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), List.of("psychosocial.counselling"), Priority.ROUTINE, ReferralStatus.ACCEPTED,
                status, reasonCode, needMet, null, Instant.parse("2026-11-20T09:00:00Z"),
                Instant.parse("2026-11-21T09:00:00Z"));
    }

    @Test
    void aStatusChangeIsWrittenWithTheFieldNamesAndLowerCaseCodesOfItsSchema() throws IOException {
        ReferralStatusChangedV1 completed = changed(ReferralStatus.COMPLETED, null, NeedMet.PARTLY);
        JsonNode json = JSON.valueToTree(completed);
        assertEquals(Set.of(), schema(EventType.REFERRAL_COMPLETED).validate(json));
        assertEquals("completed", json.get("status").asText());
        assertEquals("accepted", json.get("fromStatus").asText());
        assertEquals("partly", json.get("needMet").asText());
        assertEquals("routine", json.get("priority").asText());
        assertTrue(json.get("reasonCode").isNull(), "the field is there, empty, as before");
        assertEquals(completed, JSON.treeToValue(json, ReferralStatusChangedV1.class));

        ReferralStatusChangedV1 failed = JSON.treeToValue(JSON.valueToTree(
                changed(ReferralStatus.FAILED, "client_moved", null)), ReferralStatusChangedV1.class);
        assertEquals(FailureReason.CLIENT_MOVED, failed.failureReason().orElseThrow());
        assertTrue(failed.rejectionReason().isEmpty());
    }

    @Test
    void aCodeThisVersionDoesNotKnowFailsTheEventClearly() {
        JsonNode json = JSON.valueToTree(changed(ReferralStatus.REJECTED, "no_capacity", null));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("status", "paused");
        JsonMappingException unknownStatus = assertThrows(JsonMappingException.class,
                () -> JSON.treeToValue(json, ReferralStatusChangedV1.class));
        assertTrue(unknownStatus.getMessage().contains("unknown ReferralStatus code 'paused'"), unknownStatus.getMessage());

        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("status", "rejected").put("reasonCode", "too_far");
        JsonMappingException unknownReason = assertThrows(JsonMappingException.class,
                () -> JSON.treeToValue(json, ReferralStatusChangedV1.class));
        assertTrue(unknownReason.getMessage().contains("unknown RejectionReason code 'too_far'"),
                unknownReason.getMessage());
    }

    @Test
    void aMissedDeadlineWritesItsDeadlineAndPriorityAsCodes() throws IOException {
        JsonNode json = JSON.valueToTree(new ReferralDeadlineMissedV1(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Priority.EMERGENCY,
                ProtocolDeadline.FIRST_CONTACT, Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-21T09:00:00Z")));
        assertEquals(Set.of(), schema(EventType.REFERRAL_OVERDUE).validate(json));
        assertEquals("first_contact", json.get("deadline").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyReferralEventTypeReachesTheHandlerOfItsPayloadAndNothingElseDoes(EventType type) {
        List<Object> calls = new java.util.ArrayList<>();
        ba.refnet.contracts.referral.ReferralEventHandler handler = new ba.refnet.contracts.referral.ReferralEventHandler() {
            @Override
            public void requested(ReferralRequestedV1 event) {
                calls.add(ReferralRequestedV1.class);
            }

            @Override
            public void accepted(ba.refnet.contracts.referral.ReferralAcceptedV1 event) {
                calls.add(ba.refnet.contracts.referral.ReferralAcceptedV1.class);
            }

            @Override
            public void stepped(EventType stepType, ReferralStatusChangedV1 event) {
                calls.add(ReferralStatusChangedV1.class);
                assertEquals(type, stepType);
            }

            @Override
            public void missed(EventType missedType, ReferralDeadlineMissedV1 event) {
                calls.add(ReferralDeadlineMissedV1.class);
                assertEquals(type, missedType);
            }
        };
        boolean handled = ba.refnet.contracts.referral.ReferralEventHandler.dispatch(type, null, handler);
        assertEquals(Topics.REFERRALS.equals(type.topic()), handled);
        assertEquals(handled ? List.of(type.payloadType()) : List.of(), calls);
    }
}
