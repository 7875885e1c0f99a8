package ba.refnet.referral.domain;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral of (members of) a case from the sending organisation to a service of the receiving one. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "sending_organization_id")
    private UUID sendingOrganizationId;
    @Column(name = "receiving_organization_id")
    private UUID receivingOrganizationId;
    @Column(name = "service_id")
    private UUID serviceId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "support_types")
    private List<String> supportTypes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_ids")
    private List<String> memberIds;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    private String reason;
    @Enumerated(EnumType.STRING)
    private ReferralStatus status;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "requested_by")
    private String requestedBy;
    @Version
    private long version;
    @OneToMany(mappedBy = "referral", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("at")
    @BatchSize(size = 100)
    private List<ReferralTransition> history = new ArrayList<>();

    protected Referral() {
    }

    /** Sends a referral: the case must be the sender's own and the service must take referrals. */
    public static Referral request(KnownCase referredCase, List<String> memberIds, KnownService service,
            List<String> supportTypes, Priority priority, String reason, Actor sender, Instant now) {
        if (!referredCase.organizationId().equals(sender.organizationId())) {
            throw new AccessDeniedException("only the organisation that owns the case can refer it");
        }
        if (service.organizationId().equals(sender.organizationId())) {
            throw new ConflictException("a referral goes to another organisation; this service is your own");
        }
        if (!service.takesReferrals()) {
            throw new ConflictException("service " + service.serviceId() + " does not take referrals now (intake: "
                    + service.intakeStatus() + ")");
        }
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.caseId = referredCase.caseId();
        referral.sendingOrganizationId = sender.organizationId();
        referral.receivingOrganizationId = service.organizationId();
        referral.serviceId = service.serviceId();
        referral.supportTypes = List.copyOf(supportTypes.isEmpty() ? service.supportTypes() : supportTypes);
        referral.memberIds = List.copyOf(memberIds);
        referral.priority = priority;
        referral.reason = reason;
        referral.status = ReferralStatus.REQUESTED;
        referral.requestedAt = now;
        referral.requestedBy = sender.subject();
        referral.history.add(new ReferralTransition(referral, null, ReferralStatus.REQUESTED, sender, now, null));
        return referral;
    }

    /** Only the receiving organisation accepts, and only a requested referral. */
    public void accept(Actor receiver, Instant now) {
        requireReceiver(receiver, "accept");
        moveTo(ReferralStatus.ACCEPTED, receiver, now, null);
        acceptedAt = now;
    }

    public boolean visibleTo(UUID organizationId) {
        return sendingOrganizationId.equals(organizationId) || receivingOrganizationId.equals(organizationId);
    }

    private void requireReceiver(Actor actor, String action) {
        if (!receivingOrganizationId.equals(actor.organizationId())) {
            throw new AccessDeniedException("only the receiving organisation can " + action + " a referral");
        }
    }

    private void moveTo(ReferralStatus next, Actor actor, Instant now, String note) {
        if (!status.canGoTo(next)) {
            throw new ConflictException("cannot go from " + status.code() + " to " + next.code());
        }
        history.add(new ReferralTransition(this, status, next, actor, now, note));
        status = next;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID sendingOrganizationId() {
        return sendingOrganizationId;
    }

    public UUID receivingOrganizationId() {
        return receivingOrganizationId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public List<String> supportTypes() {
        return supportTypes;
    }

    public List<String> memberIds() {
        return memberIds;
    }

    public Priority priority() {
        return priority;
    }

    public String reason() {
        return reason;
    }

    public ReferralStatus status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public long version() {
        return version;
    }

    public List<ReferralTransition> history() {
        return List.copyOf(history);
    }
}
