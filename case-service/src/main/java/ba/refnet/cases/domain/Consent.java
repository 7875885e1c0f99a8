package ba.refnet.cases.domain;

import ba.refnet.cases.domain.ConsentEvent.ConsentExpired;
import ba.refnet.cases.domain.ConsentEvent.ConsentGiven;
import ba.refnet.cases.domain.ConsentEvent.ConsentWithdrawn;
import ba.refnet.chassis.domain.RecordsDomainEvents;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A consent record: for which members of a case, given by whom (a parent or guardian for a child, with the
 * child's own view recorded), for what purpose, to which recipients, covering which data, until when. Records
 * {@link ConsentEvent}s; they name the organisation that owns the case when they happen.
 */
@Entity
@Table(name = "consent")
public class Consent extends RecordsDomainEvents {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_ids")
    private List<UUID> memberIds;
    @Column(name = "given_by_member_id")
    private UUID givenByMemberId;
    @Column(name = "child_view")
    private String childView;
    @Enumerated(EnumType.STRING)
    private ConsentPurpose purpose;
    @Column(name = "any_network_member")
    private boolean anyNetworkMember;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_organization_ids")
    private List<UUID> recipientOrganizationIds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> scope;
    @Enumerated(EnumType.STRING)
    private ConsentMethod method;
    private String witness;
    @Column(name = "given_at")
    private Instant givenAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Column(name = "withdrawal_reason")
    private String withdrawalReason;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "expiry_published_at")
    private Instant expiryPublishedAt;
    @Version
    private long version;

    protected Consent() {
    }

    public record Terms(List<UUID> memberIds, UUID givenByMemberId, String childView, ConsentPurpose purpose,
            boolean anyNetworkMember, List<UUID> recipientOrganizationIds, Set<ConsentScope> scope,
            ConsentMethod method, String witness, Instant givenAt, Instant expiresAt) {
    }

    public static Consent record(FamilyCase familyCase, Terms terms, String recordedBy, Instant now) {
        Set<UUID> members = familyCase.members().stream().map(CaseMember::id).collect(Collectors.toSet());
        if (!members.containsAll(terms.memberIds())) {
            throw new InvalidInputException("memberIds", "every member must belong to case " + familyCase.id());
        }
        CaseMember giver = familyCase.members().stream().filter(m -> m.id().equals(terms.givenByMemberId()))
                .findFirst().orElseThrow(() -> new InvalidInputException("givenByMemberId",
                        "the person giving consent must be a member of the case"));
        boolean forChild = familyCase.members().stream()
                .anyMatch(m -> terms.memberIds().contains(m.id()) && m.role() == MemberRole.CHILD);
        if (forChild && giver.role() != MemberRole.PARENT_OR_GUARDIAN) {
            throw new InvalidInputException("givenByMemberId", "a parent or guardian gives consent for a child");
        }
        if (!terms.anyNetworkMember() && terms.recipientOrganizationIds().isEmpty()) {
            throw new InvalidInputException("recipientOrganizationIds",
                    "name the recipient organisations, or set anyNetworkMember");
        }
        if (terms.method() == ConsentMethod.VERBAL_WITH_WITNESS && (terms.witness() == null || terms.witness().isBlank())) {
            throw new InvalidInputException("witness", "verbal consent needs a witness");
        }
        if (terms.givenAt().isAfter(now)) {
            throw new InvalidInputException("givenAt", "cannot be in the future");
        }
        if (terms.expiresAt() != null && !terms.expiresAt().isAfter(terms.givenAt())) {
            throw new InvalidInputException("expiresAt", "must be after givenAt");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.caseId = familyCase.id();
        consent.memberIds = List.copyOf(terms.memberIds());
        consent.givenByMemberId = terms.givenByMemberId();
        consent.childView = terms.childView();
        consent.purpose = terms.purpose();
        consent.anyNetworkMember = terms.anyNetworkMember();
        consent.recipientOrganizationIds = List.copyOf(terms.recipientOrganizationIds());
        consent.scope = terms.scope().stream().map(ConsentScope::code).sorted().toList();
        consent.method = terms.method();
        consent.witness = terms.witness();
        consent.givenAt = terms.givenAt();
        consent.expiresAt = terms.expiresAt();
        consent.recordedBy = recordedBy;
        consent.recordThat(new ConsentGiven(consent.id, consent.caseId, familyCase.organizationId(), consent.memberIds,
                consent.purpose, consent.anyNetworkMember, consent.recipientOrganizationIds, consent.scopes(),
                consent.givenAt, consent.expiresAt));
        return consent;
    }

    public void withdraw(String reason, UUID caseOwner, Instant now) {
        if (withdrawnAt != null) {
            throw new ConflictException("consent " + id + " was already withdrawn on " + withdrawnAt);
        }
        withdrawnAt = now;
        withdrawalReason = reason;
        recordThat(new ConsentWithdrawn(id, caseId, caseOwner, memberIds, purpose, now));
    }

    /**
     * The consent's expiry, told to the network once; false when it was already, or the consent has not expired.
     */
    public boolean expire(UUID caseOwner, Instant now) {
        if (expiresAt == null || expiresAt.isAfter(now) || withdrawnAt != null || expiryPublishedAt != null) {
            return false;
        }
        expiryPublishedAt = now;
        recordThat(new ConsentExpired(id, caseId, caseOwner, memberIds, purpose, expiresAt));
        return true;
    }

    private List<ConsentScope> scopes() {
        return scope.stream().map(code -> ConsentScope.ofCode(code).orElseThrow()).toList();
    }

    /** In force now: not withdrawn and not expired. */
    public boolean inForce(Instant now) {
        return withdrawnAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Whether the consent lets the case owner share with this organisation for this purpose. */
    public boolean covers(UUID organization, ConsentPurpose forPurpose) {
        return purpose == forPurpose && (anyNetworkMember || recipientOrganizationIds.contains(organization));
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public List<UUID> memberIds() {
        return memberIds;
    }

    public UUID givenByMemberId() {
        return givenByMemberId;
    }

    public String childView() {
        return childView;
    }

    public ConsentPurpose purpose() {
        return purpose;
    }

    public boolean anyNetworkMember() {
        return anyNetworkMember;
    }

    public List<UUID> recipientOrganizationIds() {
        return recipientOrganizationIds;
    }

    public List<String> scope() {
        return scope;
    }

    public ConsentMethod method() {
        return method;
    }

    public String witness() {
        return witness;
    }

    public Instant givenAt() {
        return givenAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    public long version() {
        return version;
    }
}
