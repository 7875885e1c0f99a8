package ba.refnet.referral.service;

import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.outbox.Outbox;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.referral.domain.Actor;
import ba.refnet.referral.domain.ConsentBasis;
import ba.refnet.referral.domain.FailureReason;
import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.KnownService;
import ba.refnet.referral.domain.NeedMet;
import ba.refnet.referral.domain.Protocol;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralMessage;
import ba.refnet.referral.domain.ReferralStatus;
import ba.refnet.referral.domain.RejectionReason;
import ba.refnet.referral.persistence.KnownCaseRepository;
import ba.refnet.referral.persistence.KnownServiceRepository;
import ba.refnet.referral.persistence.ProtocolRepository;
import ba.refnet.referral.persistence.ReferralMessageRepository;
import ba.refnet.referral.persistence.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moves referrals along the closed loop. Each step checks If-Match, lets the domain decide whether the caller's
 * organisation may take it from the current status, and records its event in the same transaction.
 */
@ApplicationScoped
public class ReferralLoop {

    @Inject
    ReferralDesk desk;

    @Inject
    ReferralRepository referrals;

    @Inject
    KnownCaseRepository cases;

    @Inject
    KnownServiceRepository services;

    @Inject
    ProtocolRepository protocols;

    @Inject
    ReferralMessageRepository messages;

    @Inject
    Outbox outbox;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public Referral accept(UUID id, String ifMatch) {
        Referral referral = current(id, ifMatch);
        Instant now = clock.instant();
        referral.accept(desk.actor(), now);
        outbox.record(EventType.REFERRAL_ACCEPTED, referral.id(), new ReferralAcceptedV1(referral.id(),
                referral.caseId(), referral.sendingOrganizationId(), referral.receivingOrganizationId(),
                referral.serviceId(), referral.supportTypes(), referral.requestedAt(), now));
        return flushed(referral);
    }

    @Transactional
    public Referral reject(UUID id, String ifMatch, String reasonCode, String explanation) {
        RejectionReason reason = RejectionReason.ofCode(reasonCode).orElseThrow(() -> new InvalidInputException(
                "reasonCode", "unknown rejection reason '" + reasonCode + "'; allowed: "
                        + Codes.allowed(RejectionReason.class)));
        return step(id, ifMatch, EventType.REFERRAL_REJECTED, (r, now) -> r.reject(desk.actor(), reason, explanation, now));
    }

    @Transactional
    public Referral cancel(UUID id, String ifMatch, String explanation) {
        return step(id, ifMatch, EventType.REFERRAL_CANCELLED, (r, now) -> r.cancel(desk.actor(), explanation, now));
    }

    @Transactional
    public Referral start(UUID id, String ifMatch) {
        return step(id, ifMatch, EventType.REFERRAL_STARTED, (r, now) -> r.start(desk.actor(), now));
    }

    @Transactional
    public Referral hold(UUID id, String ifMatch, String explanation) {
        return step(id, ifMatch, EventType.REFERRAL_HELD, (r, now) -> r.hold(desk.actor(), explanation, now));
    }

    @Transactional
    public Referral resume(UUID id, String ifMatch) {
        return step(id, ifMatch, EventType.REFERRAL_RESUMED, (r, now) -> r.resume(desk.actor(), now));
    }

    @Transactional
    public Referral complete(UUID id, String ifMatch, String provided, String needMetCode) {
        NeedMet met = NeedMet.ofCode(needMetCode).orElseThrow(() -> new InvalidInputException("needMet",
                "must be fully, partly or not"));
        return step(id, ifMatch, EventType.REFERRAL_COMPLETED, (r, now) -> r.complete(desk.actor(), provided, met, now));
    }

    @Transactional
    public Referral fail(UUID id, String ifMatch, String reasonCode, String explanation) {
        FailureReason reason = FailureReason.ofCode(reasonCode).orElseThrow(() -> new InvalidInputException(
                "reasonCode", "unknown failure reason '" + reasonCode + "'; allowed: "
                        + Codes.allowed(FailureReason.class)));
        return step(id, ifMatch, EventType.REFERRAL_FAILED, (r, now) -> r.fail(desk.actor(), reason, explanation, now));
    }

    /** Returns the new referral that replaces the redirected one. */
    @Transactional
    public Referral redirect(UUID id, String ifMatch, UUID serviceId, String explanation) {
        Referral referral = current(id, ifMatch);
        KnownService to = services.findByIdOptional(serviceId).orElseThrow(() -> new InvalidInputException(
                "serviceId", "no service " + serviceId + " is known in the directory"));
        KnownCase referredCase = cases.findByIdOptional(referral.caseId()).orElseThrow(() ->
                new IllegalStateException("referral " + id + " names a case this service does not know"));
        ReferralStatus from = referral.status();
        Instant now = clock.instant();
        Protocol protocol = referral.protocolId() == null ? null : protocols.findById(referral.protocolId());
        // the family's consent must cover the new recipient too; a child-protection override carries over
        ConsentBasis basis = referral.consentBasis() == ConsentBasis.Kind.OVERRIDE
                ? ConsentBasis.override(referral.overrideReason())
                : ConsentBasis.decide(referredCase.members().stream()
                        .filter(p -> referral.memberIds().contains(p.memberId())).toList(),
                        to.organizationId(), desk.consentsOf(referredCase), null, false, now);
        Referral next = referral.redirect(desk.actor(), referredCase, to, protocol, basis, explanation, now);
        next.contactAt(referral.senderContact());
        referrals.persist(next);
        flushed(referral);
        recordChange(EventType.REFERRAL_REDIRECTED, referral, from, now);
        desk.recordRequested(next, referredCase,
                referredCase.members().stream().filter(p -> next.memberIds().contains(p.memberId())).toList(), now);
        return next;
    }

    /**
     * A consent ended (the family withdrew it, or it expired): every open referral that relied on it hides the
     * family's details from its receiver, who is told by a message on the referral and by an event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consentEnded(UUID consentId, boolean expired, Instant at) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = referrals.getEntityManager()
                .createNativeQuery("SELECT id FROM referral WHERE ?1 = ANY(consent_ids)")
                .setParameter(1, consentId).getResultList();
        String how = expired ? "The consent this referral relied on has expired."
                : "The family withdrew the consent this referral relied on.";
        for (UUID id : ids) {
            Referral referral = referrals.findById(id);
            ReferralStatus status = referral.status();
            if (referral.consentWithdrawn(consentId, at)) {
                messages.persist(new ReferralMessage(referral.id(), new Actor("refnet", referral.sendingOrganizationId()),
                        how + " Stop using the details shared with it; the sending organisation will tell you how "
                                + "to go on.", at));
                recordChange(EventType.REFERRAL_CONSENT_WITHDRAWN, referral, status, at);
            }
        }
    }

    /** Not a step of the loop: it meets the protocol's plan deadline. */
    @Transactional
    public Referral recordPlan(UUID id, String ifMatch) {
        Referral referral = current(id, ifMatch);
        referral.recordPlan(desk.actor(), clock.instant());
        return flushed(referral);
    }

    private interface Step {
        void apply(Referral referral, Instant now);
    }

    private Referral step(UUID id, String ifMatch, EventType type, Step step) {
        Referral referral = current(id, ifMatch);
        ReferralStatus from = referral.status();
        Instant now = clock.instant();
        step.apply(referral, now);
        if (from != ReferralStatus.DRAFT) {
            // a draft was never shared: withdrawing it tells nobody anything
            recordChange(type, referral, from, now);
        }
        return flushed(referral);
    }

    private Referral current(UUID id, String ifMatch) {
        Referral referral = desk.visible(id);
        Versions.checkIfMatch(ifMatch, referral.version());
        return referral;
    }

    private void recordChange(EventType type, Referral r, ReferralStatus from, Instant now) {
        outbox.record(type, r.id(), new ReferralStatusChangedV1(r.id(), r.caseId(), r.sendingOrganizationId(),
                r.receivingOrganizationId(), r.serviceId(), r.supportTypes(), r.priority().code(), from.code(),
                r.status().code(), r.reasonCode(), r.needMet() == null ? null : r.needMet().code(), r.redirectedTo(),
                r.requestedAt(), now));
    }

    /** Flushing now gives the response the new version for its ETag. */
    private Referral flushed(Referral referral) {
        referrals.flush();
        return referral;
    }
}
