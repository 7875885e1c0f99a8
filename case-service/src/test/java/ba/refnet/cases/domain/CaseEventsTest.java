package ba.refnet.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.cases.domain.ConferenceEvent.ConferenceDroppedOut;
import ba.refnet.cases.domain.ConferenceEvent.ConferenceHeld;
import ba.refnet.cases.domain.ConsentEvent.ConsentExpired;
import ba.refnet.cases.domain.ConsentEvent.ConsentGiven;
import ba.refnet.cases.domain.ConsentEvent.ConsentWithdrawn;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseClosed;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseMoved;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseOpened;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseReopened;
import ba.refnet.cases.domain.FamilyCaseEvent.MemberAdded;
import ba.refnet.cases.domain.FamilyCaseEvent.MemberChanged;
import ba.refnet.cases.domain.FamilyCaseEvent.OwnershipTransferred;
import ba.refnet.chassis.domain.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aggregates of a case record what happened to them, pseudonymously, as it happens. */
class CaseEventsTest {

    static final Instant NOW = CaseProcessTest.NOW;
    static final AgeBands.On AGES = CaseProcessTest.AGES;

    static FamilyCase.NewMember child(String name) {
        return new FamilyCase.NewMember(MemberRole.CHILD, name, "Hodžić", Sex.MALE, LocalDate.of(2019, 5, 1), false,
                null);
    }

    static FamilyCase.NewMember parent() {
        return new FamilyCase.NewMember(MemberRole.PARENT_OR_GUARDIAN, "Amra", "Hodžić", Sex.FEMALE,
                LocalDate.of(1988, 3, 14), false, null);
    }

    static FamilyCase household() {
        return FamilyCase.open(UUID.randomUUID(), "10705", List.of("poverty"), List.of("material"), Contact.NONE,
                List.of(parent(), child("Tarik")), "worker", AGES, NOW);
    }

    @Test
    void openingRecordsTheHouseholdWithAgeBandsNotBirthDates() {
        FamilyCase c = household();
        CaseOpened opened = (CaseOpened) single(c.releaseEvents());
        assertEquals(c.id(), opened.caseId());
        assertEquals(List.of("adult", "child"), opened.members().stream().map(Pseudonym::ageBand).toList());
        assertEquals(c.members().get(1).id(), opened.members().get(1).memberId());
        assertEquals(List.of(), c.releaseEvents(), "released events are forgotten");
    }

    @Test
    void aCorrectedNameAloneIsNoEventButAChangedRoleIs() {
        FamilyCase c = household();
        c.releaseEvents();
        UUID tarik = c.members().get(1).id();
        c.correctMember(tarik, child("Tarık"), AGES, NOW);
        assertEquals(List.of(), c.releaseEvents());
        c.correctMember(tarik, new FamilyCase.NewMember(MemberRole.OTHER, "Tarik", "Hodžić", Sex.MALE,
                LocalDate.of(2019, 5, 1), false, null), AGES, NOW);
        MemberChanged changed = (MemberChanged) single(c.releaseEvents());
        assertEquals(MemberRole.OTHER, changed.member().role());
        CaseMember added = c.addMember(child("Lejla"), AGES, NOW);
        assertEquals(added.id(), ((MemberAdded) single(c.releaseEvents())).member().memberId());
    }

    @Test
    void eachStepOfTheProcessIsItsOwnEvent() {
        FamilyCase c = household();
        c.moveTo(CaseStatus.ASSESSMENT, false, false, "w", "bilješka", NOW);
        c.close(ClosureReason.MOVED_AWAY, "w", "preselili se", NOW);
        c.reopen("w", "vratili se", NOW);
        List<DomainEvent> events = c.releaseEvents();
        assertEquals(4, events.size());
        assertEquals(new CaseMoved(c.id(), c.organizationId(), CaseStatus.INTAKE, CaseStatus.ASSESSMENT, NOW),
                events.get(1));
        assertEquals(new CaseClosed(c.id(), c.organizationId(), CaseStatus.ASSESSMENT, ClosureReason.MOVED_AWAY, NOW),
                events.get(2));
        assertEquals(new CaseReopened(c.id(), c.organizationId(), CaseStatus.ASSESSMENT, NOW), events.get(3));
    }

    @Test
    void anAcceptedTransferRecordsTheHandOverFromTheOldOwner() {
        FamilyCase c = household();
        UUID owner = c.organizationId();
        UUID receiver = UUID.randomUUID();
        CaseTransfer.propose(c, receiver, "selidba", "w", NOW).accept(c, receiver, "r", NOW);
        List<DomainEvent> events = c.releaseEvents();
        assertEquals(new OwnershipTransferred(c.id(), owner, receiver, NOW), events.get(events.size() - 1));
    }

    @Test
    void aConsentRecordsItsGivingWithdrawalAndExpiryOnce() {
        FamilyCase c = household();
        Instant expires = NOW.plusSeconds(3600);
        Consent consent = consent(c, expires);
        ConsentGiven given = (ConsentGiven) single(consent.releaseEvents());
        assertEquals(List.of(ConsentScope.HOUSEHOLD, ConsentScope.NEEDS), given.scope());
        assertEquals(c.organizationId(), given.organizationId());
        assertFalse(consent.expire(c.organizationId(), NOW), "not yet");
        assertTrue(consent.expire(c.organizationId(), expires.plusSeconds(60)));
        assertFalse(consent.expire(c.organizationId(), expires.plusSeconds(120)), "told once");
        ConsentExpired expired = (ConsentExpired) single(consent.releaseEvents());
        assertEquals(expires, expired.expiredAt(), "the consent's date, not the sweep's");

        Consent other = consent(c, null);
        other.releaseEvents();
        UUID newOwner = UUID.randomUUID();
        other.withdraw("povučena", newOwner, NOW);
        assertEquals(new ConsentWithdrawn(other.id(), c.id(), newOwner, other.memberIds(), ConsentPurpose.REFERRAL,
                NOW), single(other.releaseEvents()));
    }

    @Test
    void aConferenceRecordsCountsAndCodesOnly() {
        FamilyCase c = household();
        FamilyConference conference = FamilyConference.record(c, LocalDate.of(2026, 11, 20), "koordinatorica",
                new FamilyConference.Participants(1, 1, 2, 1), "odluke", "plan", null,
                FamilyConference.Outcome.PLAN_AGREED, "w", LocalDate.of(2026, 11, 23), NOW);
        ConferenceHeld held = (ConferenceHeld) single(conference.releaseEvents());
        assertEquals(2, held.participants().extendedFamily());
        conference.dropOut(FamilyConference.DropOutReason.COULD_NOT_CONTACT, c.organizationId(), NOW);
        ConferenceDroppedOut out = (ConferenceDroppedOut) single(conference.releaseEvents());
        assertEquals(FamilyConference.DropOutReason.COULD_NOT_CONTACT, out.reason());
        assertEquals(FamilyConference.Outcome.PLAN_AGREED, out.outcome());
    }

    private static Consent consent(FamilyCase c, Instant expires) {
        CaseMember parent = c.members().get(0);
        return Consent.record(c, new Consent.Terms(List.of(parent.id(), c.members().get(1).id()), parent.id(), null,
                ConsentPurpose.REFERRAL, true, List.of(), EnumSet.of(ConsentScope.NEEDS, ConsentScope.HOUSEHOLD),
                ConsentMethod.SIGNED_FORM, null, NOW.minusSeconds(60), expires), "w", NOW);
    }

    private static DomainEvent single(List<DomainEvent> events) {
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }
}
