package ba.refnet.referral.domain;

import ba.refnet.chassis.domain.RecordsDomainEvents;
import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.contracts.common.Person;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral of (members of) a case from the sending organisation to a service of the receiving one. */
@Entity
@Table(name = "referral")
public class Referral extends RecordsDomainEvents {

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
    /**
     * Deadlines of the protocol the referral was made under; none without a protocol. History and deadlines are sets,
     * not lists: a GET joins both in one statement (ReferralRepository.findWhole), and a list would hold each
     * transition once per deadline. The history keeps its order by time all the same.
     */
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "referral_id", insertable = false, updatable = false)
    @BatchSize(size = 100)
    private Set<ReferralDeadline> deadlines = new HashSet<>();
    @Version
    private long version;
    @OneToMany(mappedBy = "referral", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("at")
    @BatchSize(size = 100)
    private Set<ReferralTransition> history = new LinkedHashSet<>();

    protected Referral() {
    }

    /**
     * A new referral in its first status, with the first entry of its history: the case must be the sender's own
     * and the service another organisation's that takes referrals now.
     *
     * @param by who made it (the sender, or the receiver that redirected to it), with the note of its first step
     */
    private Referral(ReferralStatus initial, KnownCase referredCase, List<String> memberIds, KnownService service,
            List<String> supportTypes, Priority priority, String reason, ConsentBasis basis, Actor sender,
            Actor by, String note, Instant now) {
        if (!referredCase.organizationId().equals(sender.organizationId())) {
            throw new AccessDeniedException("only the organisation that owns the case can refer it");
        }
        if (service.organizationId().equals(sender.organizationId())) {
            throw new ConflictException("a referral goes to another organisation; this service is your own");
        }
        requireTakesReferrals(service);
        this.id = UUID.randomUUID();
        this.caseId = referredCase.caseId();
        this.sendingOrganizationId = sender.organizationId();
        this.receivingOrganizationId = service.organizationId();
        this.serviceId = service.serviceId();
        this.supportTypes = List.copyOf(supportTypes.isEmpty() ? service.supportTypes() : supportTypes);
        this.memberIds = List.copyOf(memberIds);
        this.priority = priority;
        this.reason = reason;
        this.status = initial;
        this.requestedAt = now;
        this.requestedBy = sender.subject();
        sharesBy(basis);
        history.add(new ReferralTransition(this, null, initial, by, now, note));
        if (initial == ReferralStatus.REQUESTED) {
            recordRequested(referredCase);
        }
    }

    /** Nothing is shared before a draft is sent. */
    private static final ConsentBasis NOTHING_SHARED_YET = new ConsentBasis(ConsentBasis.Kind.CONSENT, List.of(), null,
            Set.of());

    /**
     * Saves a referral without sending it: only the sender sees it, nothing is shared and no event is published
     * until {@link #send}.
     */
    public static Referral draft(KnownCase referredCase, List<String> memberIds, KnownService service,
            List<String> supportTypes, Priority priority, String reason, Actor sender, Instant now) {
        return new Referral(ReferralStatus.DRAFT, referredCase, memberIds, service, supportTypes, priority, reason,
                NOTHING_SHARED_YET, sender, sender, null, now);
    }

    /** The sender sends a draft: the consent is decided now, and the loop starts now. */
    public void send(ConsentBasis basis, KnownCase referredCase, KnownService service, Actor sender, Instant now) {
        if (!sendingOrganizationId.equals(sender.organizationId())) {
            throw new AccessDeniedException("only the sending organisation can send its draft");
        }
        requireTakesReferrals(service);
        moveTo(ReferralStatus.REQUESTED, sender, now, noteOf(basis));
        requestedAt = now;
        sharesBy(basis);
        recordRequested(referredCase);
    }

    /** Sends a referral: the case must be the sender's own and the service must take referrals. */
    public static Referral request(KnownCase referredCase, List<String> memberIds, KnownService service,
            List<String> supportTypes, Priority priority, String reason, ConsentBasis basis, Actor sender,
            Instant now) {
        return new Referral(ReferralStatus.REQUESTED, referredCase, memberIds, service, supportTypes, priority, reason,
                basis, sender, sender, noteOf(basis), now);
    }

    private static String noteOf(ConsentBasis basis) {
        return basis.kind() == ConsentBasis.Kind.OVERRIDE ? "child-protection override: " + basis.overrideReason()
                : null;
    }

    private void sharesBy(ConsentBasis basis) {
        consentBasis = basis.kind();
        consentIds = basis.consentIds();
        overrideReason = basis.overrideReason();
        sharedScope = basis.scope().stream().sorted().toList();
    }

    private static void requireTakesReferrals(KnownService service) {
        if (!service.takesReferrals()) {
            throw new ConflictException("service " + service.serviceId() + " does not take referrals now (intake: "
                    + service.intakeStatus() + ")");
        }
    }

    /** The people of the case this referral concerns, as the case service last described them. */
    public List<Person> peopleIn(KnownCase referredCase) {
        return referredCase.members().stream().filter(p -> memberIds.contains(p.memberId())).toList();
    }

    private void recordRequested(KnownCase referredCase) {
        recordThat(new ReferralEvent.Requested(facts(), referredCase.municipalityCode(), peopleIn(referredCase),
                sharedScope, consentIds));
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
        recordThat(new ReferralEvent.Accepted(facts(), now));
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
        ReferralStatus from = moveTo(ReferralStatus.REJECTED, receiver, now, explanation);
        reasonCode = reason.code();
        meet(Deadline.ACKNOWLEDGE, now);
        end(now);
        recordThat(new ReferralEvent.Rejected(facts(), from, reason, now));
    }

    /** The sender withdraws the referral, saying why. */
    public void cancel(Actor sender, String explanation, Instant now) {
        if (!sendingOrganizationId.equals(sender.organizationId())) {
            throw new AccessDeniedException("only the sending organisation can cancel a referral");
        }
        ReferralStatus from = moveTo(ReferralStatus.CANCELLED, sender, now, explanation);
        end(now);
        if (from != ReferralStatus.DRAFT) {
            // a draft was never shared: withdrawing it tells nobody anything
            recordThat(new ReferralEvent.Cancelled(facts(), from, now));
        }
    }

    public void start(Actor receiver, Instant now) {
        requireReceiver(receiver, "start work on");
        ReferralStatus from = moveTo(ReferralStatus.IN_PROGRESS, receiver, now, null);
        if (startedAt == null) {
            startedAt = now;
        }
        meet(Deadline.FIRST_CONTACT, now);
        recordThat(new ReferralEvent.Started(facts(), from, now));
    }

    public void hold(Actor receiver, String explanation, Instant now) {
        requireReceiver(receiver, "put on hold");
        statusBeforeHold = moveTo(ReferralStatus.ON_HOLD, receiver, now, explanation);
        recordThat(new ReferralEvent.Held(facts(), statusBeforeHold, now));
    }

    /** Back to where the referral was before the hold. */
    public void resume(Actor receiver, Instant now) {
        requireReceiver(receiver, "resume");
        if (status != ReferralStatus.ON_HOLD) {
            throw new ConflictException("cannot resume a referral that is " + status.code() + ", not on_hold");
        }
        ReferralStatus from = moveTo(statusBeforeHold, receiver, now, null);
        statusBeforeHold = null;
        recordThat(new ReferralEvent.Resumed(facts(), from, status, now));
    }

    /** The receiver closes the loop: what was provided and whether the need was met. */
    public void complete(Actor receiver, String provided, NeedMet met, Instant now) {
        requireReceiver(receiver, "complete");
        ReferralStatus from = moveTo(ReferralStatus.COMPLETED, receiver, now, provided);
        outcomeProvided = provided;
        needMet = met;
        end(now);
        recordThat(new ReferralEvent.Completed(facts(), from, met, now));
    }

    public void fail(Actor receiver, FailureReason reason, String explanation, Instant now) {
        requireReceiver(receiver, "record the failure of");
        ReferralStatus from = moveTo(ReferralStatus.FAILED, receiver, now, explanation);
        reasonCode = reason.code();
        end(now);
        recordThat(new ReferralEvent.Failed(facts(), from, reason, now));
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
        // made first: a redirect the new referral refuses changes nothing here
        Referral next = new Referral(ReferralStatus.REQUESTED, referredCase, memberIds, to, List.of(), priority,
                reason, basisForNext, new Actor(requestedBy, sendingOrganizationId), receiver,
                "redirected from referral " + id, now);
        ReferralStatus from = moveTo(ReferralStatus.REDIRECTED, receiver, now, explanation);
        meet(Deadline.ACKNOWLEDGE, now);
        end(now);
        next.redirectedFrom = id;
        next.redirectedByOrganizationId = receivingOrganizationId;
        if (protocol != null) {
            next.placeUnder(protocol, referredCase);
        }
        redirectedTo = next.id;
        recordThat(new ReferralEvent.Redirected(facts(), from, next.id, now));
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
        recordThat(new ReferralEvent.ConsentWithdrawn(facts(), status, now));
        return true;
    }

    /** One of this referral's protocol deadlines passed unmet. @return whether this call marked it overdue */
    public boolean markOverdue(ReferralDeadline deadline, Protocol protocol, Instant now) {
        requireOwn(deadline);
        if (!deadline.markOverdue(now)) {
            return false;
        }
        recordThat(new ReferralEvent.WentOverdue(facts(), missed(deadline, protocol), now));
        return true;
    }

    /** An overdue deadline stayed unmet past the protocol's grace time. @return whether this call escalated it */
    public boolean escalate(ReferralDeadline deadline, Protocol protocol, Instant now) {
        requireOwn(deadline);
        if (!deadline.escalate(now, Duration.ofHours(protocol.escalateAfterHours()))) {
            return false;
        }
        recordThat(new ReferralEvent.Escalated(facts(), missed(deadline, protocol), now));
        return true;
    }

    private void requireOwn(ReferralDeadline deadline) {
        if (!deadline.referralId().equals(id)) {
            throw new IllegalArgumentException("deadline of referral " + deadline.referralId() + ", not " + id);
        }
    }

    private static ReferralEvent.MissedDeadline missed(ReferralDeadline deadline, Protocol protocol) {
        return new ReferralEvent.MissedDeadline(protocol.id(), protocol.coordinatorOrganizationId(),
                deadline.deadline(), deadline.dueAt());
    }

    private ReferralEvent.Facts facts() {
        return new ReferralEvent.Facts(id, caseId, sendingOrganizationId, receivingOrganizationId, serviceId,
                supportTypes, priority, requestedAt);
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

    /** @return the status it came from */
    private ReferralStatus moveTo(ReferralStatus next, Actor actor, Instant now, String note) {
        if (!status.canGoTo(next)) {
            throw new ConflictException("cannot go from " + status.code() + " to " + next.code());
        }
        ReferralStatus from = status;
        history.add(new ReferralTransition(this, from, next, actor, now, note));
        status = next;
        return from;
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

    /** Soonest due first. */
    public List<ReferralDeadline> deadlines() {
        return deadlines.stream().sorted(Comparator.comparing(ReferralDeadline::dueAt)).toList();
    }

    public List<ReferralTransition> history() {
        return List.copyOf(history);
    }
}
