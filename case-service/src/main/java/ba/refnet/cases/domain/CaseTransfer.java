package ba.refnet.cases.domain;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A proposal to hand a case over to another organisation; that organisation accepts or declines it. */
@Entity
@Table(name = "case_transfer")
public class CaseTransfer {

    public enum Status { PENDING, ACCEPTED, DECLINED }

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "from_organization_id")
    private UUID fromOrganizationId;
    @Column(name = "to_organization_id")
    private UUID toOrganizationId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decline_reason")
    private String declineReason;
    @Version
    private long version;

    protected CaseTransfer() {
    }

    public static CaseTransfer propose(FamilyCase familyCase, UUID to, String reason, String requestedBy, Instant now) {
        if (familyCase.ownedBy(to)) {
            throw new ConflictException("the case already belongs to organisation " + to);
        }
        if (familyCase.status() == CaseStatus.CLOSED) {
            throw new ConflictException("a closed case is not transferred; reopen it first");
        }
        CaseTransfer transfer = new CaseTransfer();
        transfer.id = UUID.randomUUID();
        transfer.caseId = familyCase.id();
        transfer.fromOrganizationId = familyCase.organizationId();
        transfer.toOrganizationId = to;
        transfer.reason = reason;
        transfer.status = Status.PENDING;
        transfer.requestedBy = requestedBy;
        transfer.requestedAt = now;
        return transfer;
    }

    /** The receiving organisation takes the case over. */
    public void accept(FamilyCase familyCase, UUID organization, String actor, Instant now) {
        decide(organization, actor, now, "accept");
        status = Status.ACCEPTED;
        familyCase.handOverTo(toOrganizationId, now);
    }

    public void decline(UUID organization, String actor, String why, Instant now) {
        decide(organization, actor, now, "decline");
        status = Status.DECLINED;
        declineReason = why;
    }

    private void decide(UUID organization, String actor, Instant now, String what) {
        if (!toOrganizationId.equals(organization)) {
            throw new AccessDeniedException("only the receiving organisation can " + what + " a transfer");
        }
        if (status != Status.PENDING) {
            throw new ConflictException("the transfer was already " + status.name().toLowerCase());
        }
        decidedBy = actor;
        decidedAt = now;
    }

    public boolean concerns(UUID organization) {
        return fromOrganizationId.equals(organization) || toOrganizationId.equals(organization);
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID fromOrganizationId() {
        return fromOrganizationId;
    }

    public UUID toOrganizationId() {
        return toOrganizationId;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String declineReason() {
        return declineReason;
    }
}
