package ba.refnet.cases.domain;

import ba.refnet.cases.domain.ConferenceEvent.ConferenceDroppedOut;
import ba.refnet.cases.domain.ConferenceEvent.ConferenceHeld;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.domain.RecordsDomainEvents;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A family group conference held on a case: who took part (by role), what was decided, the family's plan, the
 * follow-up, the outcome, and whether the family dropped out of the programme. Records {@link ConferenceEvent}s.
 */
@Entity
@Table(name = "family_conference")
public class FamilyConference extends RecordsDomainEvents {

    public enum Outcome { PLAN_AGREED, PARTIAL_AGREEMENT, NO_AGREEMENT, POSTPONED }

    public enum DropOutReason { FAMILY_WITHDREW, COULD_NOT_CONTACT, MOVED_AWAY, OTHER }

    public record Participants(int children, int parents, int extendedFamily, int professionals) {
        public Participants {
            if (children < 0 || parents < 0 || extendedFamily < 0 || professionals < 0) {
                throw new InvalidInputException("participants", "counts cannot be negative");
            }
            if (children + parents + extendedFamily == 0) {
                throw new InvalidInputException("participants", "a family group conference has family members");
            }
        }
    }

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "held_on")
    private LocalDate heldOn;
    private String coordinator;
    private int children;
    private int parents;
    @Column(name = "extended_family")
    private int extendedFamily;
    private int professionals;
    private String decisions;
    @Column(name = "family_plan")
    private String familyPlan;
    @Column(name = "follow_up_on")
    private LocalDate followUpOn;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "dropped_out")
    private boolean droppedOut;
    @Enumerated(EnumType.STRING)
    @Column(name = "drop_out_reason")
    private DropOutReason dropOutReason;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected FamilyConference() {
    }

    public static FamilyConference record(FamilyCase familyCase, LocalDate heldOn, String coordinator, Participants participants,
            String decisions, String familyPlan, LocalDate followUpOn, Outcome outcome, String recordedBy,
            LocalDate today, Instant now) {
        if (heldOn.isAfter(today)) {
            throw new InvalidInputException("heldOn", "a conference is recorded after it is held");
        }
        if (followUpOn != null && followUpOn.isBefore(heldOn)) {
            throw new InvalidInputException("followUpOn", "the follow-up comes after the conference");
        }
        FamilyConference c = new FamilyConference();
        c.id = UUID.randomUUID();
        c.caseId = familyCase.id();
        c.heldOn = heldOn;
        c.coordinator = coordinator;
        c.children = participants.children();
        c.parents = participants.parents();
        c.extendedFamily = participants.extendedFamily();
        c.professionals = participants.professionals();
        c.decisions = decisions;
        c.familyPlan = familyPlan;
        c.followUpOn = followUpOn;
        c.outcome = outcome;
        c.recordedBy = recordedBy;
        c.recordedAt = now;
        c.recordThat(new ConferenceHeld(c.id, c.caseId, familyCase.organizationId(), heldOn, participants, outcome,
                now));
        return c;
    }

    /** The family left the programme: the hard part the networks report on. */
    public void dropOut(DropOutReason reason, UUID caseOwner, Instant now) {
        if (droppedOut) {
            throw new ConflictException("the drop-out of conference " + id + " is already recorded");
        }
        droppedOut = true;
        dropOutReason = reason;
        recordThat(new ConferenceDroppedOut(id, caseId, caseOwner, heldOn, participants(), outcome, reason, now));
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public String coordinator() {
        return coordinator;
    }

    public Participants participants() {
        return new Participants(children, parents, extendedFamily, professionals);
    }

    public String decisions() {
        return decisions;
    }

    public String familyPlan() {
        return familyPlan;
    }

    public LocalDate followUpOn() {
        return followUpOn;
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean droppedOut() {
        return droppedOut;
    }

    public DropOutReason dropOutReason() {
        return dropOutReason;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public static String code(Enum<?> value) {
        return value == null ? null : Codes.of(value);
    }
}
