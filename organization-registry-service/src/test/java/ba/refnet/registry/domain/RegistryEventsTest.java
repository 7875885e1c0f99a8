package ba.refnet.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.domain.DomainEvent;
import ba.refnet.registry.domain.MemorandumEvent.MemorandumSigned;
import ba.refnet.registry.domain.NetworkEvent.OrganizationJoined;
import ba.refnet.registry.domain.NetworkEvent.OrganizationLeft;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationDeactivated;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationRegistered;
import ba.refnet.registry.domain.OrganizationEvent.OrganizationUpdated;
import ba.refnet.registry.domain.ServiceEvent.ServiceAdded;
import ba.refnet.registry.domain.ServiceEvent.ServiceIntakeChanged;
import ba.refnet.registry.domain.ServiceEvent.ServiceUpdated;
import ba.refnet.registry.domain.ServiceEvent.ServiceWithdrawn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The directory's aggregates record each change the network hears of, once, as it happens. */
class RegistryEventsTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static Organization organization() {
        return Organization.register(UUID.randomUUID(), new OrganizationProfile("Centar za socijalni rad Mostar",
                List.of(), LegalForm.CENTRE_FOR_SOCIAL_WORK, null, null, null, null, null, List.of(), null, "10705",
                List.of()), NOW);
    }

    static ServiceDescription description(String name) {
        return new ServiceDescription(name, null, List.of("psychosocial.counselling"), List.of(), null, null, null,
                List.of(), null, null, ServiceStatus.ACTIVE, List.of("10705"), Set.of("10705"), List.of(), List.of());
    }

    @Test
    void anOrganisationRecordsItsRegistrationEditsAndDeactivation() {
        Organization o = organization();
        assertEquals(new OrganizationRegistered(o.id(), "Centar za socijalni rad Mostar",
                LegalForm.CENTRE_FOR_SOCIAL_WORK, "10705", NOW), single(o.releaseEvents()), "registering is no edit");
        o.describe(new OrganizationProfile("JU Centar za socijalni rad Mostar", List.of(), LegalForm.PUBLIC_INSTITUTION,
                null, null, null, null, null, List.of(), null, "10705", List.of()), NOW);
        OrganizationUpdated updated = (OrganizationUpdated) single(o.releaseEvents());
        assertEquals(LegalForm.PUBLIC_INSTITUTION, updated.legalForm());
        assertTrue(updated.active());
        o.deactivate(NOW);
        assertEquals(new OrganizationDeactivated(o.id(), "JU Centar za socijalni rad Mostar",
                LegalForm.PUBLIC_INSTITUTION, "10705", NOW), single(o.releaseEvents()));
    }

    @Test
    void aServiceRecordsWhatTheNetworkReadsOfIt() {
        HumanService s = HumanService.create(UUID.randomUUID(), organization(), description("Savjetovalište"),
                IntakeStatus.WAITLIST, 2, NOW);
        ServiceAdded added = (ServiceAdded) single(s.releaseEvents());
        assertEquals(IntakeStatus.WAITLIST, added.service().intakeStatus());
        assertEquals(2, added.service().freePlaces());
        assertFalse(s.changeIntake(IntakeStatus.WAITLIST, 2, NOW));
        assertEquals(List.of(), s.releaseEvents(), "an unchanged intake is no event");
        s.changeIntake(IntakeStatus.ACCEPTING, 5, NOW);
        assertEquals(5, ((ServiceIntakeChanged) single(s.releaseEvents())).service().freePlaces());
        s.describe(description("Porodično savjetovalište"), NOW);
        assertEquals("Porodično savjetovalište", ((ServiceUpdated) single(s.releaseEvents())).service().name());
        s.withdraw(NOW);
        ServiceWithdrawn withdrawn = (ServiceWithdrawn) single(s.releaseEvents());
        assertTrue(withdrawn.service().withdrawn());
        assertEquals(IntakeStatus.NOT_ACCEPTING, withdrawn.service().intakeStatus());
    }

    @Test
    void aNetworkRecordsWhoJoinsAndLeaves() {
        UUID coordinator = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Network n = Network.found("Radna grupa za sigurnost djece", Network.Kind.WORKING_GROUP, null, "10705",
                coordinator, LocalDate.of(2026, 11, 23), NOW);
        assertEquals(coordinator, ((OrganizationJoined) single(n.releaseEvents())).organizationId());
        n.admit(member, LocalDate.of(2026, 11, 23), NOW);
        assertEquals(member, ((OrganizationJoined) single(n.releaseEvents())).organizationId());
        n.release(member, NOW);
        assertEquals(new OrganizationLeft(n.id(), n.name(), Network.Kind.WORKING_GROUP, coordinator, "10705", member,
                NOW), single(n.releaseEvents()));
        Network none = Network.found("Neformalna mreža", Network.Kind.INFORMAL_NETWORK, null, null, null,
                LocalDate.of(2026, 11, 23), NOW);
        assertEquals(List.of(), none.releaseEvents(), "no coordinator, nobody joined");
    }

    @Test
    void aMemorandumIsHeardOfWhenItIsSigned() {
        List<UUID> parties = List.of(UUID.randomUUID(), UUID.randomUUID());
        Memorandum draft = Memorandum.record("Saradnja", null, null, parties, null, null, NOW);
        assertEquals(List.of(), draft.releaseEvents());
        draft.sign(LocalDate.of(2026, 11, 23), NOW);
        MemorandumSigned signed = (MemorandumSigned) single(draft.releaseEvents());
        assertEquals(Memorandum.Kind.BILATERAL, signed.kind());
        assertEquals(parties, signed.signatoryOrganizationIds());
        Memorandum signedAtOnce = Memorandum.record("Saradnja", null, null, parties, LocalDate.of(2026, 11, 1), null,
                NOW);
        assertEquals(LocalDate.of(2026, 11, 1), ((MemorandumSigned) single(signedAtOnce.releaseEvents())).signedOn());
    }

    private static DomainEvent single(List<DomainEvent> events) {
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }
}
