package ba.refnet.registry.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.outbox.PublishedEvent;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.registry.MembershipChange;
import ba.refnet.contracts.registry.NetworkMembershipChangedV1;
import ba.refnet.contracts.registry.ServiceChangedV1;
import ba.refnet.registry.domain.IntakeStatus;
import ba.refnet.registry.domain.Network;
import ba.refnet.registry.domain.NetworkEvent.OrganizationLeft;
import ba.refnet.registry.domain.ServiceEvent.Listing;
import ba.refnet.registry.domain.ServiceEvent.ServiceWithdrawn;
import ba.refnet.registry.domain.ServiceStatus;
import ba.refnet.registry.domain.LegalForm;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationDeactivated;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry's domain events become the contract types the other services read, with the same codes. */
class RegistryEventContractsTest {

    private final RegistryEventContracts contracts = new RegistryEventContracts();

    @ParameterizedTest
    @CsvSource({
            "ba.refnet.registry.domain.LegalForm, ba.refnet.contracts.registry.LegalForm",
            "ba.refnet.registry.domain.ServiceStatus, ba.refnet.contracts.registry.ServiceStatus",
            "ba.refnet.registry.domain.IntakeStatus, ba.refnet.contracts.registry.IntakeStatus",
            "ba.refnet.registry.domain.Network$Kind, ba.refnet.contracts.registry.NetworkKind",
            "ba.refnet.registry.domain.Memorandum$Kind, ba.refnet.contracts.registry.MemorandumKind"})
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyDomainCodeHasItsContractCode(String domain, String contract) throws ClassNotFoundException {
        Class<? extends Enum> contractType = (Class<? extends Enum>) Class.forName(contract);
        for (Object value : Class.forName(domain).getEnumConstants()) {
            assertEquals(Codes.of((Enum<?>) value), Codes.of(Codes.as(contractType, (Enum<?>) value)));
        }
    }

    @Test
    void aWithdrawnServiceReadsAsWithdrawn() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        PublishedEvent published = contracts.toContract(new ServiceWithdrawn(new Listing(id, UUID.randomUUID(),
                "Savjetovalište", List.of("psychosocial.counselling"), ServiceStatus.TEMPORARILY_CLOSED, true,
                IntakeStatus.NOT_ACCEPTING, null, List.of("10705")), at));
        assertEquals(EventType.SERVICE_WITHDRAWN, published.type());
        assertEquals(id, published.key());
        ServiceChangedV1 payload = (ServiceChangedV1) published.payload();
        assertEquals(ba.refnet.contracts.registry.ServiceStatus.WITHDRAWN, payload.status());
        assertEquals(ba.refnet.contracts.registry.IntakeStatus.NOT_ACCEPTING, payload.intakeStatus());
    }

    @Test
    void leavingIsAMembershipChange() {
        UUID network = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        PublishedEvent published = contracts.toContract(new OrganizationLeft(network, "Radna grupa",
                Network.Kind.WORKING_GROUP, null, "10705", member, Instant.now()));
        assertEquals(EventType.NETWORK_MEMBERSHIP_CHANGED, published.type());
        assertEquals(network, published.key());
        NetworkMembershipChangedV1 payload = (NetworkMembershipChangedV1) published.payload();
        assertEquals(MembershipChange.LEFT, payload.change());
        assertEquals(member, payload.organizationId());
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What goes on the wire is what went before the enums: the same field names and the same code strings. */
    @Test
    void theCodesTravelAsTheyDidAsStrings() throws Exception {
        UUID service = UUID.fromString("1c6f2d0a-5b7e-4c1f-8a2d-3e4f5a6b7c01");
        UUID organization = UUID.fromString("1c6f2d0a-5b7e-4c1f-8a2d-3e4f5a6b7c02");
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        Object withdrawn = contracts.toContract(new ServiceWithdrawn(new Listing(service, organization,
                "Savjetovalište", List.of("psychosocial.counselling"), ServiceStatus.ACTIVE, true,
                IntakeStatus.NOT_ACCEPTING, null, List.of("10705")), at)).payload();
        assertEquals(JSON.readTree("""
                {"serviceId": "%s", "organizationId": "%s", "name": "Savjetovalište",
                 "supportTypes": ["psychosocial.counselling"], "status": "withdrawn", "intakeStatus": "not_accepting",
                 "freePlaces": null, "coveredMunicipalities": ["10705"], "changedAt": "2026-11-23T10:00:00Z"}"""
                .formatted(service, organization)), JSON.valueToTree(withdrawn));
        Object deactivated = contracts.toContract(new OrganizationDeactivated(organization, "Udruženje",
                LegalForm.INTERNATIONAL_ORGANISATION, "10705", at)).payload();
        assertEquals(JSON.readTree("""
                {"organizationId": "%s", "name": "Udruženje", "legalForm": "international_organisation",
                 "municipalityCode": "10705", "active": false, "changedAt": "2026-11-23T10:00:00Z"}"""
                .formatted(organization)), JSON.valueToTree(deactivated));
        Object joined = contracts.toContract(new ba.refnet.registry.domain.NetworkEvent.OrganizationJoined(service,
                "Zajednička priča", Network.Kind.INFORMAL_NETWORK, organization, null, organization, at)).payload();
        assertEquals("informal_network", JSON.valueToTree(joined).get("networkKind").asText());
        assertEquals("joined", JSON.valueToTree(joined).get("change").asText());
    }
}
