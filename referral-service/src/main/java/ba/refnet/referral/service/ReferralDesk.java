package ba.refnet.referral.service;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.contracts.common.Person;
import ba.refnet.referral.domain.Actor;
import ba.refnet.referral.domain.ConsentBasis;
import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.KnownService;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.persistence.ProtocolRepository;
import ba.refnet.referral.persistence.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Sending referrals from the caller's organisation: new ones (sent at once or saved as drafts) and drafts. */
@ApplicationScoped
public class ReferralDesk {

    @Inject
    ReferralRepository referrals;

    @Inject
    ProtocolRepository protocols;

    @Inject
    ReferralAccess access;

    @Inject
    LocalCopies copies;

    @Inject
    SharingConsent consent;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    public record NewReferral(UUID caseId, List<UUID> memberIds, UUID serviceId, List<String> supportTypes,
            String priority, String reason, UUID protocolId, String overrideReason, String senderContact,
            boolean draft) {
    }

    /** What a create answered: the referral, and whether it was made now or by an earlier try with the same key. */
    public record Created(Referral referral, boolean replayed) {
    }

    /**
     * Sends a referral. With an Idempotency-Key, a retry of the same request returns the referral the first try
     * made; the same key with a different request is refused.
     */
    @Transactional
    public Created request(NewReferral request, String idempotencyKey) {
        Actor sender = access.actor();
        String fingerprint = IdempotencyKeys.fingerprint(request);
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.earlierReferral(sender.organizationId(), idempotencyKey,
                    fingerprint);
            if (earlier.isPresent()) {
                return new Created(referrals.findById(earlier.get()), true);
            }
        }
        Priority priority = Priority.ofCode(request.priority()).orElseThrow(() -> new InvalidInputException(
                "priority", "unknown priority '" + request.priority() + "'; allowed: routine, urgent, emergency"));
        KnownCase referredCase = copies.knownCase(request.caseId())
                .filter(c -> c.organizationId().equals(sender.organizationId()))
                .orElseThrow(() -> new InvalidInputException("caseId",
                        "no case " + request.caseId() + " of your organisation is known (yet) to the referral service"));
        KnownService service = copies.knownService(request.serviceId())
                .orElseThrow(() -> new InvalidInputException("serviceId",
                        "no service " + request.serviceId() + " is known in the directory"));
        List<Person> people = concerned(referredCase, request.memberIds());
        List<String> memberIds = people.stream().map(Person::memberId).toList();
        List<String> supportTypes = request.supportTypes() == null ? List.of() : request.supportTypes();
        Instant now = clock.instant();
        Referral referral;
        if (request.draft()) {
            if (request.protocolId() != null || request.overrideReason() != null) {
                throw new InvalidInputException(request.protocolId() != null ? "protocolId" : "overrideReason",
                        "a draft carries no protocol or override yet; give them when you send it");
            }
            referral = Referral.draft(referredCase, memberIds, service, supportTypes, priority, request.reason(),
                    sender, now);
        } else {
            ConsentBasis basis = consent.decide(referredCase, people, service.organizationId(),
                    request.overrideReason(), sender.organizationId(), now);
            referral = Referral.request(referredCase, memberIds, service, supportTypes, priority, request.reason(),
                    basis, sender, now);
            if (request.protocolId() != null) {
                referral.placeUnder(protocols.findByIdOptional(request.protocolId()).orElseThrow(() ->
                        new InvalidInputException("protocolId", "no protocol " + request.protocolId())), referredCase);
            }
        }
        referral.contactAt(request.senderContact());
        referrals.persist(referral);
        if (idempotencyKey != null) {
            idempotencyKeys.remember(sender.organizationId(), idempotencyKey, fingerprint, referral.id(), now);
        }
        events.publishFrom(referral);
        return new Created(referral, false);
    }

    /** Sends a draft: consent is decided now, and a protocol, if given, starts its deadlines now. */
    @Transactional
    public Referral send(UUID id, String ifMatch, UUID protocolId, String overrideReason) {
        Referral referral = access.visible(id);
        Versions.checkIfMatch(ifMatch, referral.version());
        Actor sender = access.actor();
        KnownCase referredCase = copies.knownCase(referral.caseId()).orElseThrow();
        KnownService service = copies.knownService(referral.serviceId()).orElseThrow();
        Instant now = clock.instant();
        referral.send(consent.decide(referredCase, referral.peopleIn(referredCase), service.organizationId(),
                overrideReason, sender.organizationId(), now), referredCase, service, sender, now);
        if (protocolId != null) {
            referral.placeUnder(protocols.findByIdOptional(protocolId).orElseThrow(() ->
                    new InvalidInputException("protocolId", "no protocol " + protocolId)), referredCase);
        }
        events.publishFrom(referral);
        referrals.flush();
        return referral;
    }

    /** The people a new referral concerns: the members asked for (all of them when none are named). */
    static List<Person> concerned(KnownCase referredCase, List<UUID> memberIds) {
        if (memberIds == null || memberIds.isEmpty()) {
            return referredCase.members();
        }
        Set<String> wanted = new HashSet<>(memberIds.stream().map(UUID::toString).toList());
        List<Person> people = referredCase.members().stream().filter(p -> wanted.contains(p.memberId())).toList();
        if (people.size() != wanted.size()) {
            throw new InvalidInputException("memberIds", "every member id must belong to case " + referredCase.caseId());
        }
        return people;
    }
}
