package ba.refnet.referral.service;

import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.referral.domain.Actor;
import ba.refnet.referral.domain.ConsentBasis;
import ba.refnet.referral.domain.FailureReason;
import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.KnownService;
import ba.refnet.referral.domain.NeedMet;
import ba.refnet.referral.domain.Protocol;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralMessage;
import ba.refnet.referral.domain.RejectionReason;
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
 * Moves referrals along the closed loop. Each step checks If-Match and lets the domain decide whether the caller's
 * organisation may take it from the current status; the events the referral recorded go to the outbox in the same
 * transaction.
 */
@ApplicationScoped
public class ReferralLoop {

    @Inject
    ReferralAccess access;

    @Inject
    ReferralRepository referrals;

    @Inject
    LocalCopies copies;

    @Inject
    SharingConsent consent;

    @Inject
    ProtocolRepository protocols;

    @Inject
    ReferralMessageRepository messages;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    @Transactional
    public Referral accept(UUID id, String ifMatch) {
        return step(id, ifMatch, (r, by, now) -> r.accept(by, now));
    }

    @Transactional
    public Referral reject(UUID id, String ifMatch, String reasonCode, String explanation) {
        RejectionReason reason = RejectionReason.ofCode(reasonCode).orElseThrow(() -> new InvalidInputException(
                "reasonCode", "unknown rejection reason '" + reasonCode + "'; allowed: "
                        + Codes.allowed(RejectionReason.class)));
        return step(id, ifMatch, (r, by, now) -> r.reject(by, reason, explanation, now));
    }

    @Transactional
    public Referral cancel(UUID id, String ifMatch, String explanation) {
        return step(id, ifMatch, (r, by, now) -> r.cancel(by, explanation, now));
    }

    @Transactional
    public Referral start(UUID id, String ifMatch) {
        return step(id, ifMatch, (r, by, now) -> r.start(by, now));
    }

    @Transactional
    public Referral hold(UUID id, String ifMatch, String explanation) {
        return step(id, ifMatch, (r, by, now) -> r.hold(by, explanation, now));
    }

    @Transactional
    public Referral resume(UUID id, String ifMatch) {
        return step(id, ifMatch, (r, by, now) -> r.resume(by, now));
    }

    @Transactional
    public Referral complete(UUID id, String ifMatch, String provided, String needMetCode) {
        NeedMet met = NeedMet.ofCode(needMetCode).orElseThrow(() -> new InvalidInputException("needMet",
                "must be fully, partly or not"));
        return step(id, ifMatch, (r, by, now) -> r.complete(by, provided, met, now));
    }

    @Transactional
    public Referral fail(UUID id, String ifMatch, String reasonCode, String explanation) {
        FailureReason reason = FailureReason.ofCode(reasonCode).orElseThrow(() -> new InvalidInputException(
                "reasonCode", "unknown failure reason '" + reasonCode + "'; allowed: "
                        + Codes.allowed(FailureReason.class)));
        return step(id, ifMatch, (r, by, now) -> r.fail(by, reason, explanation, now));
    }

    /** Not a step of the loop: it meets the protocol's plan deadline (and publishes nothing). */
    @Transactional
    public Referral recordPlan(UUID id, String ifMatch) {
        return step(id, ifMatch, (r, by, now) -> r.recordPlan(by, now));
    }

    /** Returns the new referral that replaces the redirected one. */
    @Transactional
    public Referral redirect(UUID id, String ifMatch, UUID serviceId, String explanation) {
        Referral referral = current(id, ifMatch);
        KnownService to = copies.knownService(serviceId).orElseThrow(() -> new InvalidInputException(
                "serviceId", "no service " + serviceId + " is known in the directory"));
        KnownCase referredCase = copies.knownCase(referral.caseId()).orElseThrow(() ->
                new IllegalStateException("referral " + id + " names a case this service does not know"));
        Instant now = clock.instant();
        Protocol protocol = referral.protocolId() == null ? null : protocols.findById(referral.protocolId());
        // the family's consent must cover the new recipient too; a child-protection override carries over
        ConsentBasis basis = referral.consentBasis() == ConsentBasis.Kind.OVERRIDE
                ? ConsentBasis.override(referral.overrideReason())
                : consent.decide(referredCase, referral.peopleIn(referredCase), to.organizationId(), null,
                        referral.sendingOrganizationId(), now);
        Referral next = referral.redirect(access.actor(), referredCase, to, protocol, basis, explanation, now);
        next.contactAt(referral.senderContact());
        referrals.persist(next);
        flushed(referral);
        events.publishFrom(referral, next);
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
            if (referral.consentWithdrawn(consentId, at)) {
                messages.persist(new ReferralMessage(referral.id(), new Actor("refnet", referral.sendingOrganizationId()),
                        how + " Stop using the details shared with it; the sending organisation will tell you how "
                                + "to go on.", at));
                events.publishFrom(referral);
            }
        }
    }

    private interface Step {
        void apply(Referral referral, Actor by, Instant now);
    }

    private Referral step(UUID id, String ifMatch, Step step) {
        Referral referral = current(id, ifMatch);
        step.apply(referral, access.actor(), clock.instant());
        events.publishFrom(referral);
        return flushed(referral);
    }

    private Referral current(UUID id, String ifMatch) {
        Referral referral = access.visible(id);
        Versions.checkIfMatch(ifMatch, referral.version());
        return referral;
    }

    /** Flushing now gives the response the new version for its ETag. */
    private Referral flushed(Referral referral) {
        referrals.flush();
        return referral;
    }
}
