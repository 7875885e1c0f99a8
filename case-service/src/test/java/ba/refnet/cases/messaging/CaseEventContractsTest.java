package ba.refnet.cases.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.cases.domain.CaseStatus;
import ba.refnet.cases.domain.ClosureReason;
import ba.refnet.cases.domain.ConsentPurpose;
import ba.refnet.cases.domain.ConsentScope;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseClosed;
import ba.refnet.cases.domain.FamilyCaseEvent.MemberAdded;
import ba.refnet.cases.domain.MemberRole;
import ba.refnet.cases.domain.Pseudonym;
import ba.refnet.cases.domain.Sex;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.outbox.PublishedEvent;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.cases.CaseMemberChangedV1;
import ba.refnet.contracts.cases.CaseStatusChangedV1;
import ba.refnet.contracts.common.Person;
import ba.refnet.cases.domain.ConferenceEvent.ConferenceDroppedOut;
import ba.refnet.cases.domain.ConsentEvent.ConsentGiven;
import ba.refnet.cases.domain.FamilyConference.DropOutReason;
import ba.refnet.cases.domain.FamilyConference.Outcome;
import ba.refnet.cases.domain.FamilyConference.Participants;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The case service's domain events become the contract types the network reads, with the same codes. */
class CaseEventContractsTest {

    private final CaseEventContracts contracts = new CaseEventContracts();

    @ParameterizedTest
    @CsvSource({
            "ba.refnet.cases.domain.CaseStatus, ba.refnet.contracts.cases.CaseStatus",
            "ba.refnet.cases.domain.ClosureReason, ba.refnet.contracts.cases.ClosureReason",
            "ba.refnet.cases.domain.ConsentPurpose, ba.refnet.contracts.cases.ConsentPurpose",
            "ba.refnet.cases.domain.ConsentScope, ba.refnet.contracts.cases.ConsentScope",
            "ba.refnet.cases.domain.FamilyConference$Outcome, ba.refnet.contracts.cases.ConferenceOutcome",
            "ba.refnet.cases.domain.FamilyConference$DropOutReason, ba.refnet.contracts.cases.DropOutReason"})
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyDomainCodeHasItsContractCode(String domain, String contract) throws ClassNotFoundException {
        Class<? extends Enum> contractType = (Class<? extends Enum>) Class.forName(contract);
        for (Object value : Class.forName(domain).getEnumConstants()) {
            assertEquals(Codes.of((Enum<?>) value), Codes.of(Codes.as(contractType, (Enum<?>) value)));
        }
        assertEquals(Class.forName(domain).getEnumConstants().length, contractType.getEnumConstants().length,
                Arrays.toString(contractType.getEnumConstants()));
    }

    @Test
    void aClosureIsAStatusChangeWithItsReason() {
        UUID caseId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        PublishedEvent published = contracts.toContract(new CaseClosed(caseId, owner, CaseStatus.REVIEW,
                ClosureReason.GOALS_ACHIEVED, at));
        assertEquals(EventType.CASE_CLOSED, published.type());
        assertEquals(caseId, published.key());
        assertEquals(new CaseStatusChangedV1(caseId, owner, ba.refnet.contracts.cases.CaseStatus.REVIEW,
                ba.refnet.contracts.cases.CaseStatus.CLOSED, ba.refnet.contracts.cases.ClosureReason.GOALS_ACHIEVED,
                at), published.payload());
    }

    @Test
    void aMemberTravelsAsAnOpaqueIdWithCodes() {
        UUID caseId = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        PublishedEvent published = contracts.toContract(new MemberAdded(caseId, UUID.randomUUID(),
                new Pseudonym(member, MemberRole.PARENT_OR_GUARDIAN, "adult", Sex.FEMALE), Instant.now()));
        assertEquals(EventType.CASE_MEMBER_ADDED, published.type());
        assertEquals(new Person(member.toString(), "parent_or_guardian", "adult", "female"),
                ((CaseMemberChangedV1) published.payload()).member());
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What goes on the wire is what went before the enums: the same field names and the same code strings. */
    @Test
    void theCodesTravelAsTheyDidAsStrings() throws Exception {
        UUID consent = UUID.fromString("7a1b0f5e-0c1d-4a6e-9d51-8f0f3c2b1a01");
        UUID caseId = UUID.fromString("7a1b0f5e-0c1d-4a6e-9d51-8f0f3c2b1a02");
        UUID owner = UUID.fromString("7a1b0f5e-0c1d-4a6e-9d51-8f0f3c2b1a03");
        UUID member = UUID.fromString("7a1b0f5e-0c1d-4a6e-9d51-8f0f3c2b1a04");
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        Object given = contracts.toContract(new ConsentGiven(consent, caseId, owner, List.of(member),
                ConsentPurpose.INFORMATION_SHARING, true, List.of(), List.of(ConsentScope.HOUSEHOLD, ConsentScope.NEEDS),
                at, null)).payload();
        assertEquals(JSON.readTree("""
                {"consentId": "%s", "caseId": "%s", "organizationId": "%s", "memberIds": ["%s"],
                 "purpose": "information_sharing", "anyNetworkMember": true, "recipientOrganizationIds": [],
                 "scope": ["household", "needs"], "givenAt": "2026-11-23T10:00:00Z", "expiresAt": null}"""
                .formatted(consent, caseId, owner, member)), JSON.valueToTree(given));
        Object droppedOut = contracts.toContract(new ConferenceDroppedOut(consent, caseId, owner,
                LocalDate.of(2026, 11, 20), new Participants(1, 2, 0, 1), Outcome.PARTIAL_AGREEMENT,
                DropOutReason.FAMILY_WITHDREW, at)).payload();
        assertEquals(JSON.readTree("""
                {"conferenceId": "%s", "caseId": "%s", "organizationId": "%s", "heldOn": "2026-11-20",
                 "children": 1, "parents": 2, "extendedFamily": 0, "professionals": 1,
                 "outcome": "partial_agreement", "droppedOut": true, "dropOutReason": "family_withdrew",
                 "recordedAt": "2026-11-23T10:00:00Z"}""".formatted(consent, caseId, owner)),
                JSON.valueToTree(droppedOut));
        Object closed = contracts.toContract(new CaseClosed(caseId, owner, CaseStatus.ACTIVE,
                ClosureReason.FAMILY_DECLINED, at)).payload();
        assertEquals(JSON.readTree("""
                {"caseId": "%s", "organizationId": "%s", "fromStatus": "active", "status": "closed",
                 "reasonCode": "family_declined", "changedAt": "2026-11-23T10:00:00Z"}""".formatted(caseId, owner)),
                JSON.valueToTree(closed));
    }
}
