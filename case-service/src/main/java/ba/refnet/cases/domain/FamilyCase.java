package ba.refnet.cases.domain;

import ba.refnet.cases.domain.FamilyCaseEvent.CaseClosed;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseMoved;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseOpened;
import ba.refnet.cases.domain.FamilyCaseEvent.CaseReopened;
import ba.refnet.cases.domain.FamilyCaseEvent.MemberAdded;
import ba.refnet.cases.domain.FamilyCaseEvent.MemberChanged;
import ba.refnet.cases.domain.FamilyCaseEvent.NeedsChanged;
import ba.refnet.cases.domain.FamilyCaseEvent.OwnershipTransferred;
import ba.refnet.chassis.domain.RecordsDomainEvents;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A household (or one person) registered by an organisation, owned by that organisation. Records
 * {@link FamilyCaseEvent}s as it changes.
 */
@Entity
@Table(name = "family_case")
public class FamilyCase extends RecordsDomainEvents {

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "municipality_code")
    private String municipalityCode;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> vulnerabilities;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "opened_by")
    private String openedBy;
    @Column(name = "assigned_worker")
    private String assignedWorker;
    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason")
    private ClosureReason closureReason;
    @Column(name = "closed_at")
    private Instant closedAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> needs = new ArrayList<>();
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "contact_email")
    private String contactEmail;
    private String address;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;
    @Version
    private long version;
    /** Members are always needed with their case; batch loading keeps lists to a few queries. */
    @OneToMany(mappedBy = "familyCase", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @OrderBy("position")
    private List<CaseMember> members = new ArrayList<>();

    protected FamilyCase() {
    }

    /** A person as intake or a correction gives them; {@code birthDateEstimated} marks a date derived from an age. */
    public record NewMember(MemberRole role, String givenName, String familyName, Sex sex, LocalDate birthDate,
            boolean birthDateEstimated, String identityHash) {
    }

    public static FamilyCase open(UUID organizationId, String municipalityCode, List<String> vulnerabilities,
            List<String> needs, Contact contact, List<NewMember> members, String openedBy, AgeBands.On ages,
            Instant now) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a case has at least one member");
        }
        FamilyCase c = new FamilyCase();
        c.id = UUID.randomUUID();
        c.organizationId = organizationId;
        c.municipalityCode = municipalityCode;
        c.status = CaseStatus.INTAKE;
        c.vulnerabilities = List.copyOf(vulnerabilities);
        c.needs = List.copyOf(needs);
        c.contactAt(contact, now);
        c.openedAt = now;
        c.openedBy = openedBy;
        members.forEach(m -> c.members.add(new CaseMember(c, c.members.size(), m)));
        c.recordThat(new CaseOpened(c.id, organizationId, municipalityCode, c.pseudonyms(ages), c.vulnerabilities,
                c.needs, now));
        return c;
    }

    public CaseMember addMember(NewMember member, AgeBands.On ages, Instant now) {
        requireNotAnonymised();
        CaseMember added = new CaseMember(this, members.size(), member);
        members.add(added);
        updatedAt = now;
        recordThat(new MemberAdded(id, organizationId, Pseudonym.of(added, ages), now));
        return added;
    }

    /** Corrections of names alone stay in this service; a changed role, sex or age band is an event. */
    public CaseMember correctMember(UUID memberId, NewMember corrected, AgeBands.On ages, Instant now) {
        requireNotAnonymised();
        CaseMember member = member(memberId);
        Pseudonym before = Pseudonym.of(member, ages);
        member.correct(corrected);
        updatedAt = now;
        Pseudonym after = Pseudonym.of(member, ages);
        if (!after.equals(before)) {
            recordThat(new MemberChanged(id, organizationId, after, now));
        }
        return member;
    }

    public void changeNeeds(List<String> newNeeds, List<String> newVulnerabilities, Instant now) {
        requireNotAnonymised();
        needs = List.copyOf(newNeeds);
        vulnerabilities = List.copyOf(newVulnerabilities);
        updatedAt = now;
        recordThat(new NeedsChanged(id, organizationId, needs, vulnerabilities, now));
    }

    public void contactAt(Contact contact, Instant now) {
        requireNotAnonymised();
        contactPhone = contact.phone();
        contactEmail = contact.email();
        address = contact.address();
        updatedAt = now;
    }

    /**
     * Removes what identifies the people: names, identity hashes, exact birth dates (kept to the year, so the
     * figures by age group stay right) and contact data. Pseudonymous facts (roles, sex, needs, status) remain.
     */
    public void anonymise(Instant now) {
        requireNotAnonymised();
        members.forEach(CaseMember::anonymise);
        contactPhone = null;
        contactEmail = null;
        address = null;
        anonymisedAt = now;
        updatedAt = now;
    }

    private List<Pseudonym> pseudonyms(AgeBands.On ages) {
        return members.stream().map(m -> Pseudonym.of(m, ages)).toList();
    }

    public CaseMember member(UUID memberId) {
        return members.stream().filter(m -> m.id().equals(memberId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("member " + memberId + " is not in case " + id));
    }

    private void requireNotAnonymised() {
        if (anonymisedAt != null) {
            throw new ConflictException("case " + id + " was anonymised on " + anonymisedAt + "; it cannot change");
        }
    }

    /**
     * Moves the case on in the process. Planning needs an assessment and active work needs a plan; closing goes
     * through {@link #close}, reopening through {@link #reopen}.
     */
    public CaseTransition moveTo(CaseStatus next, boolean assessed, boolean planned, String actor, String note,
            Instant now) {
        if (next == CaseStatus.CLOSED || status == CaseStatus.CLOSED) {
            throw new ConflictException(next == CaseStatus.CLOSED ? "close a case with a reason (POST .../close)"
                    : "reopen a closed case (POST .../reopen)");
        }
        if (next == CaseStatus.PLANNING && !assessed) {
            throw new ConflictException("record an assessment before planning");
        }
        if (next == CaseStatus.ACTIVE && !planned) {
            throw new ConflictException("make a case plan before active work");
        }
        CaseTransition transition = step(next, actor, note, now);
        recordThat(new CaseMoved(id, organizationId, transition.fromStatus(), next, now));
        return transition;
    }

    public CaseTransition close(ClosureReason reason, String actor, String note, Instant now) {
        CaseTransition transition = step(CaseStatus.CLOSED, actor, note, now);
        closureReason = reason;
        closedAt = now;
        recordThat(new CaseClosed(id, organizationId, transition.fromStatus(), reason, now));
        return transition;
    }

    /** A closed case comes back for a new assessment. */
    public CaseTransition reopen(String actor, String reason, Instant now) {
        if (status != CaseStatus.CLOSED) {
            throw new ConflictException("only a closed case can be reopened; this one is " + status.code());
        }
        CaseTransition transition = step(CaseStatus.ASSESSMENT, actor, reason, now);
        closureReason = null;
        closedAt = null;
        recordThat(new CaseReopened(id, organizationId, transition.toStatus(), now));
        return transition;
    }

    public void assignTo(String worker) {
        assignedWorker = worker;
    }

    /** Ownership passes to the organisation that accepted a transfer; its own staff assign a worker. */
    void handOverTo(UUID organization, Instant now) {
        recordThat(new OwnershipTransferred(id, organizationId, organization, now));
        organizationId = organization;
        assignedWorker = null;
    }

    private CaseTransition step(CaseStatus next, String actor, String note, Instant now) {
        if (!status.canGoTo(next)) {
            throw new ConflictException("cannot go from " + status.code() + " to " + next.code());
        }
        CaseTransition transition = new CaseTransition(id, status, next, actor, now, note);
        status = next;
        return transition;
    }

    public boolean ownedBy(UUID organization) {
        return organizationId.equals(organization);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public CaseStatus status() {
        return status;
    }

    public List<String> vulnerabilities() {
        return vulnerabilities;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<CaseMember> members() {
        return List.copyOf(members);
    }

    public long version() {
        return version;
    }

    public String assignedWorker() {
        return assignedWorker;
    }

    public ClosureReason closureReason() {
        return closureReason;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public List<String> needs() {
        return needs;
    }

    public Contact contact() {
        return new Contact(contactPhone, contactEmail, address);
    }

    public Instant anonymisedAt() {
        return anonymisedAt;
    }
}
