package ba.refnet.referral.domain;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
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
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_hold")
    private ReferralStatus statusBeforeHold;
    @Column(name = "reason_code")
    private String reasonCode;
    @Column(name = "outcome_provided")
    private String outcomeProvided;
    @Enumerated(EnumType.STRING)
    @Column(name = "need_met")
    private NeedMet needMet;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "redirected_to")
    private UUID redirectedTo;
    @Column(name = "redirected_from")
    private UUID redirectedFrom;
    @Column(name = "redirected_by_organization_id")
    private UUID redirectedByOrganizationId;
    @Column(name = "protocol_id")
    private UUID protocolId;
    @Enumerated(EnumType.STRING)
    @Column(name = "consent_basis")
    private ConsentBasis.Kind consentBasis;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "consent_ids")
    private List<UUID> consentIds;
    @Column(name = "override_reason")
    private String overrideReason;
    @Column(name = "consent_withdrawn_at")
    private Instant consentWithdrawnAt;
    /** The data categories the consents (or an override) let the receiver see. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "shared_scope")
    private List<String> sharedScope;
    @Column(name = "sender_contact")
    private String senderContact;
    /** Deadlines of the protocol the referral was made under; none without a protocol. */
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "referral_id", insertable = false, updatable = false)
    @BatchSize(size = 100)
    private List<ReferralDeadline> deadlines = new ArrayList<>();
    @Version
    private long version;
    @OneToMany(mappedBy = "referral", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("at")
    @BatchSize(size = 100)
    private List<ReferralTransition> history = new ArrayList<>();

    protected Referral() {
    }

    /**
     * Saves a referral without sending it: only the sender sees it, nothing is shared and no event is published
     * until {@link #send}.
     */
    public static Referral draft(KnownCase referredCase, List<String> memberIds, KnownService service,
            List<String> supportTypes, Priority priority, String reason, Actor sender, Instant now) {
        Referral referral = request(referredCase, memberIds, service, supportTypes, priority, reason,
                new ConsentBasis(ConsentBasis.Kind.CONSENT, List.of(), null, java.util.Set.of()), sender, now);
        referral.status = ReferralStatus.DRAFT;
        referral.history.clear();
        referral.history.add(new ReferralTransition(referral, null, ReferralStatus.DRAFT, sender, now, null));
        return referral;
    }

    /** The sender sends a draft: the consent is decided now, and the loop starts now. */
    public void send(ConsentBasis basis, KnownService service, Actor sender, Instant now) {
        if (!sendingOrganizationId.equals(sender.organizationId())) {
            throw new AccessDeniedException("only the sending organisation can send its draft");
        }
        if (!service.takesReferrals()) {
            throw new ConflictException("service " + service.serviceId() + " does not take referrals now (intake: "
                    + service.intakeStatus() + ")");
        }
        moveTo(ReferralStatus.REQUESTED, sender, now,
                basis.kind() == ConsentBasis.Kind.OVERRIDE ? "child-protection override: " + basis.overrideReason()
                        : null);
        requestedAt = now;
        consentBasis = basis.kind();
        consentIds = basis.consentIds();
        overrideReason = basis.overrideReason();
        sharedScope = basis.scope().stream().sorted().toList();
    }

    /** Sends a referral: the case must be the sender's own and the service must take referrals. */
    public static Referral request(KnownCase referredCase, List<String> memberIds, KnownService service,
            List<String> supportTypes, Priority priority, String reason, ConsentBasis basis, Actor sender,
            Instant now) {
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
        referral.consentBasis = basis.kind();
        referral.consentIds = basis.consentIds();
        referral.overrideReason = basis.overrideReason();
        referral.sharedScope = basis.scope().stream().sorted().toList();
        referral.history.add(new ReferralTransition(referral, null, ReferralStatus.REQUESTED, sender, now,
                basis.kind() == ConsentBasis.Kind.OVERRIDE ? "child-protection override: " + basis.overrideReason()
                        : null));
        return referral;
    }

    /**
     * Puts a just-requested referral under a protocol: the case must carry the protocol's triggering category (and
     * live in its municipality, if it names one); the protocol's required times become the referral's deadlines.
     */
    public void placeUnder(Protocol protocol, KnownCase referredCase) {
        if (status != ReferralStatus.REQUESTED || protocolId != null) {
            throw new ConflictException("only a new referral can be placed under a protocol");
        }
        if (!protocol.appliesTo(referredCase)) {
            throw new InvalidInputException("protocolId", "protocol '" + protocol.name() + "' applies to active cases "
                    + "with category " + protocol.triggerCategory()
                    + (protocol.municipalityCode() == null ? "" : " in municipality " + protocol.municipalityCode())
                    + "; this case does not qualify");
        }
        protocolId = protocol.id();
        for (ProtocolStep step : protocol.steps()) {
            deadlines.add(new ReferralDeadline(id, step, requestedAt));
        }
    }

    /** Only the receiving organisation accepts, and only a requested referral. */
    public void accept(Actor receiver, Instant now) {
        requireReceiver(receiver, "accept");
        moveTo(ReferralStatus.ACCEPTED, receiver, now, null);
        acceptedAt = now;
        meet(Deadline.ACKNOWLEDGE, now);
    }

    /** The receiver records that a plan was agreed with the family (the protocol's plan deadline). */
    public void recordPlan(Actor receiver, Instant now) {
        requireReceiver(receiver, "record a plan for");
        if (status != ReferralStatus.ACCEPTED && status != ReferralStatus.IN_PROGRESS
                && status != ReferralStatus.ON_HOLD) {
            throw new ConflictException("a plan is recorded for an accepted referral, not a " + status.code() + " one");
        }
        meet(Deadline.PLAN, now);
    }

    /** The receiver refuses, with a reason code and an explanation for the sender. */
    public void reject(Actor receiver, RejectionReason reason, String explanation, Instant now) {
        requireReceiver(receiver, "reject");
        moveTo(ReferralStatus.REJECTED, receiver, now, explanation);
        reasonCode = reason.code();
        meet(Deadline.ACKNOWLEDGE, now);
        end(now);
    }

    /** The sender withdraws the referral, saying why. */
    public void cancel(Actor sender, String explanation, Instant now) {
        if (!sendingOrganizationId.equals(sender.organizationId())) {
            throw new AccessDeniedException("only the sending organisation can cancel a referral");
        }
        moveTo(ReferralStatus.CANCELLED, sender, now, explanation);
        end(now);
    }

    public void start(Actor receiver, Instant now) {
        requireReceiver(receiver, "start work on");
        moveTo(ReferralStatus.IN_PROGRESS, receiver, now, null);
        if (startedAt == null) {
            startedAt = now;
        }
        meet(Deadline.FIRST_CONTACT, now);
    }

    public void hold(Actor receiver, String explanation, Instant now) {
        requireReceiver(receiver, "put on hold");
        ReferralStatus before = status;
        moveTo(ReferralStatus.ON_HOLD, receiver, now, explanation);
        statusBeforeHold = before;
    }

    /** Back to where the referral was before the hold. */
    public void resume(Actor receiver, Instant now) {
        requireReceiver(receiver, "resume");
        if (status != ReferralStatus.ON_HOLD) {
            throw new ConflictException("cannot resume a referral that is " + status.code() + ", not on_hold");
        }
        moveTo(statusBeforeHold, receiver, now, null);
        statusBeforeHold = null;
    }

    /** The receiver closes the loop: what was provided and whether the need was met. */
    public void complete(Actor receiver, String provided, NeedMet met, Instant now) {
        requireReceiver(receiver, "complete");
        moveTo(ReferralStatus.COMPLETED, receiver, now, provided);
        outcomeProvided = provided;
        needMet = met;
        end(now);
    }

    public void fail(Actor receiver, FailureReason reason, String explanation, Instant now) {
        requireReceiver(receiver, "record the failure of");
        moveTo(ReferralStatus.FAILED, receiver, now, explanation);
        reasonCode = reason.code();
        end(now);
    }

    /**
     * The receiver sends the family on to another organisation's service: a new referral from the same sender
     * (who owns the case and its consent) takes this one's place, and this one closes as redirected.
     */
    public Referral redirect(Actor receiver, KnownCase referredCase, KnownService to, Protocol protocol,
            ConsentBasis basisForNext, String explanation, Instant now) {
        requireReceiver(receiver, "redirect");
        if (to.organizationId().equals(receivingOrganizationId)) {
            throw new ConflictException("a redirect goes to another organisation; use your own services directly");
        }
        if (to.organizationId().equals(sendingOrganizationId)) {
            throw new ConflictException("a redirect cannot send the referral back to the sending organisation");
        }
        if (!to.takesReferrals()) {
            throw new ConflictException("service " + to.serviceId() + " does not take referrals now (intake: "
                    + to.intakeStatus() + ")");
        }
        moveTo(ReferralStatus.REDIRECTED, receiver, now, explanation);
        meet(Deadline.ACKNOWLEDGE, now);
        end(now);
        Referral next = request(referredCase, memberIds, to, List.of(), priority, reason, basisForNext,
                new Actor(requestedBy, sendingOrganizationId), now);
        next.history.clear();
        next.history.add(new ReferralTransition(next, null, ReferralStatus.REQUESTED, receiver, now,
                "redirected from referral " + id));
        next.redirectedFrom = id;
        next.redirectedByOrganizationId = receivingOrganizationId;
        if (protocol != null) {
            next.placeUnder(protocol, referredCase);
        }
        redirectedTo = next.id;
        return next;
    }

    /**
     * The consent this referral relied on was withdrawn: while the referral is open, the receiver no longer sees
     * the shared details. @return whether this referral was affected
     */
    public boolean consentWithdrawn(UUID consentId, Instant now) {
        if (consentBasis != ConsentBasis.Kind.CONSENT || !consentIds.contains(consentId) || status.isFinal()
                || consentWithdrawnAt != null) {
            return false;
        }
        consentWithdrawnAt = now;
        return true;
    }

    /** After a withdrawal of consent the receiving organisation sees the referral, not the family's details. */
    public boolean detailsHiddenFrom(UUID organizationId) {
        return consentWithdrawnAt != null && receivingOrganizationId.equals(organizationId);
    }

    /** The sender's account of the family's needs reaches the receiver only where the consent covers needs. */
    public boolean reasonVisibleTo(UUID organizationId) {
        return !receivingOrganizationId.equals(organizationId)
                || (!detailsHiddenFrom(organizationId) && sharedScope.contains("needs"));
    }

    /** Whom at the sending organisation the receiver should contact about the referral (staff, not the family). */
    public void contactAt(String contact) {
        senderContact = contact;
    }

    /** The sender and receiver see a referral; after a redirect, the redirecting organisation keeps seeing its own. */
    public boolean visibleTo(UUID organizationId) {
        return sendingOrganizationId.equals(organizationId)
                || (receivingOrganizationId.equals(organizationId) && status != ReferralStatus.DRAFT);
    }

    private void meet(Deadline deadline, Instant now) {
        deadlines.stream().filter(d -> d.deadline() == deadline).forEach(d -> d.meet(now));
    }

    /** The loop ended: deadlines not met by now no longer apply. */
    private void end(Instant now) {
        closedAt = now;
        deadlines.forEach(d -> d.close(now));
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

    public String reasonCode() {
        return reasonCode;
    }

    public String outcomeProvided() {
        return outcomeProvided;
    }

    public NeedMet needMet() {
        return needMet;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public UUID redirectedTo() {
        return redirectedTo;
    }

    public UUID redirectedFrom() {
        return redirectedFrom;
    }

    public UUID redirectedByOrganizationId() {
        return redirectedByOrganizationId;
    }

    public UUID protocolId() {
        return protocolId;
    }

    public ConsentBasis.Kind consentBasis() {
        return consentBasis;
    }

    public List<UUID> consentIds() {
        return consentIds;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public Instant consentWithdrawnAt() {
        return consentWithdrawnAt;
    }

    public List<String> sharedScope() {
        return sharedScope;
    }

    public String senderContact() {
        return senderContact;
    }

    public List<ReferralDeadline> deadlines() {
        return List.copyOf(deadlines);
    }

    public List<ReferralTransition> history() {
        return List.copyOf(history);
    }
}
