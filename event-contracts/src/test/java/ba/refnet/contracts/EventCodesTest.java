package ba.refnet.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ba.refnet.contracts.cases.CaseStatus;
import ba.refnet.contracts.cases.CaseStatusChangedV1;
import ba.refnet.contracts.cases.ClosureReason;
import ba.refnet.contracts.cases.ConferenceOutcome;
import ba.refnet.contracts.cases.ConsentPurpose;
import ba.refnet.contracts.cases.ConsentScope;
import ba.refnet.contracts.cases.DropOutReason;
import ba.refnet.contracts.registry.IntakeStatus;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.MembershipChange;
import ba.refnet.contracts.registry.MemorandumKind;
import ba.refnet.contracts.registry.NetworkKind;
import ba.refnet.contracts.registry.ServiceStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The code enums carry exactly the codes the JSON Schemas allow, and travel as those codes. */
class EventCodesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @ParameterizedTest
    @CsvSource({
            "ba.refnet.contracts.cases.CaseStatus, case.status-changed.v1, /properties/status/enum",
            "ba.refnet.contracts.cases.ClosureReason, case.status-changed.v1, /properties/reasonCode/enum",
            "ba.refnet.contracts.cases.ConsentPurpose, consent.given.v1, /properties/purpose/enum",
            "ba.refnet.contracts.cases.ConsentPurpose, consent.withdrawn.v1, /properties/purpose/enum",
            "ba.refnet.contracts.cases.ConsentPurpose, consent.expired.v1, /properties/purpose/enum",
            "ba.refnet.contracts.cases.ConsentScope, consent.given.v1, /properties/scope/items/enum",
            "ba.refnet.contracts.cases.ConferenceOutcome, conference.recorded.v1, /properties/outcome/enum",
            "ba.refnet.contracts.cases.DropOutReason, conference.recorded.v1, /properties/dropOutReason/enum",
            "ba.refnet.contracts.registry.LegalForm, organization.registered.v1, /properties/legalForm/enum",
            "ba.refnet.contracts.registry.LegalForm, organization.changed.v1, /properties/legalForm/enum",
            "ba.refnet.contracts.registry.ServiceStatus, service.changed.v1, /properties/status/enum",
            "ba.refnet.contracts.registry.IntakeStatus, service.added.v1, /properties/intakeStatus/enum",
            "ba.refnet.contracts.registry.IntakeStatus, service.changed.v1, /properties/intakeStatus/enum",
            "ba.refnet.contracts.registry.NetworkKind, network.membership-changed.v1, /properties/networkKind/enum",
            "ba.refnet.contracts.registry.MembershipChange, network.membership-changed.v1, /properties/change/enum",
            "ba.refnet.contracts.registry.MemorandumKind, memorandum.signed.v1, /properties/kind/enum"})
    void anEnumHasTheCodesItsSchemaAllows(String enumType, String schema, String pointer) throws Exception {
        Set<String> codes = Arrays.stream(Class.forName(enumType).getEnumConstants())
                .map(c -> EventCodes.of((Enum<?>) c)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> allowed = StreamSupport.stream(schema(schema).at(pointer).spliterator(), false)
                .filter(v -> !v.isNull()).map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(allowed, codes);
    }

    @Test
    void aNewServiceIsNeverWithdrawn() throws IOException {
        Set<String> allowed = StreamSupport.stream(schema("service.added.v1").at("/properties/status/enum")
                .spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
        assertEquals(Set.of("active", "inactive", "temporarily_closed"), allowed);
        assertEquals(ServiceStatus.WITHDRAWN, ServiceStatus.ofCode("withdrawn"));
    }

    @Test
    void codesGoOnTheWireAndComeBackAsEnums() throws IOException {
        CaseStatusChangedV1 closed = new CaseStatusChangedV1(UUID.randomUUID(), UUID.randomUUID(), CaseStatus.REVIEW,
                CaseStatus.CLOSED, ClosureReason.NO_LONGER_ELIGIBLE, Instant.parse("2026-11-20T09:00:00Z"));
        JsonNode json = JSON.valueToTree(closed);
        assertEquals("review", json.get("fromStatus").asText());
        assertEquals("closed", json.get("status").asText());
        assertEquals("no_longer_eligible", json.get("reasonCode").asText());
        assertEquals(closed, JSON.treeToValue(json, CaseStatusChangedV1.class));
    }

    @Test
    void anUnknownCodeIsRefused() {
        String json = """
                {"caseId": "%s", "organizationId": "%s", "fromStatus": "review", "status": "archived",
                 "changedAt": "2026-11-20T09:00:00Z"}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        assertThrows(ValueInstantiationException.class, () -> JSON.readValue(json, CaseStatusChangedV1.class));
        assertThrows(IllegalArgumentException.class, () -> IntakeStatus.ofCode("Accepting"));
    }

    @Test
    void theCodeIsTheLowerCaseName() {
        assertEquals("temporarily_closed", ServiceStatus.TEMPORARILY_CLOSED.code());
        assertEquals("centre_for_social_work", LegalForm.CENTRE_FOR_SOCIAL_WORK.code());
        assertEquals(ConsentScope.HOUSEHOLD, ConsentScope.ofCode("household"));
        assertEquals("plan_agreed", ConferenceOutcome.PLAN_AGREED.code());
        assertEquals(DropOutReason.MOVED_AWAY, DropOutReason.ofCode("moved_away"));
        assertEquals(ConsentPurpose.INFORMATION_SHARING, ConsentPurpose.ofCode("information_sharing"));
        assertEquals(NetworkKind.WORKING_GROUP, NetworkKind.ofCode("working_group"));
        assertEquals(MembershipChange.LEFT, MembershipChange.ofCode("left"));
        assertEquals(MemorandumKind.BILATERAL, MemorandumKind.ofCode("bilateral"));
    }

    private static JsonNode schema(String name) throws IOException {
        try (InputStream in = EventCodesTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/events/schemas/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }
}
