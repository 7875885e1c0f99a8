package ba.refnet.referral.service;

import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.Outbox;
import ba.refnet.chassis.persistence.ReadOnlyReads;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.referral.domain.Actor;
import ba.refnet.referral.domain.ConsentBasis;
import ba.refnet.referral.domain.KnownConsent;
import ba.refnet.referral.domain.KnownOrganization;
import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.KnownService;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralMessage;
import ba.refnet.referral.domain.ReferralStatus;
import ba.refnet.referral.persistence.ProtocolRepository;
import ba.refnet.referral.persistence.ReferralMessageRepository;
import ba.refnet.referral.persistence.ReferralRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.ReadOnlyMode;
import org.hibernate.jpa.HibernateHints;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Sending referrals, reading them, worklists and messages, always for the caller's organisation. */
@ApplicationScoped
public class ReferralDesk {

    public enum Direction { INCOMING, OUTGOING }

    @Inject
    ReferralRepository referrals;

    @Inject
    ReferralMessageRepository messages;

    @Inject
    ProtocolRepository protocols;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CallerContext caller;

    private final Clock clock = Clock.systemUTC();

    public record NewReferral(UUID caseId, List<UUID> memberIds, UUID serviceId, List<String> supportTypes,
            String priority, String reason, UUID protocolId, String overrideReason, String senderContact,
            boolean draft) {
    }

    /** What a create answered: the referral, and whether it was made now or by an earlier try with the same key. */
    public record Created(Referral referral, boolean replayed) {
    }

    public record Filter(Direction direction, Set<ReferralStatus> statuses, Priority priority, UUID serviceId,
            boolean overdueOnly) {
    }

    /** A referral is overdue while one of its protocol deadlines has passed unmet. */
    private static final String OVERDUE = "exists (select d.key from ReferralDeadline d where d.key.referralId = r.id"
            + " and d.overdueAt is not null and d.metAt is null and d.closedAt is null)";

    /**
     * Sends a referral. With an Idempotency-Key, a retry of the same request returns the referral the first try
     * made; the same key with a different request is refused.
     */
    @Transactional
    public Created request(NewReferral request, String idempotencyKey) {
        Actor sender = actor();
        String requestFingerprint = fingerprint(request);
        if (idempotencyKey != null) {
            Optional<Created> earlier = earlierAttempt(sender.organizationId(), idempotencyKey, requestFingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Priority priority = Priority.ofCode(request.priority()).orElseThrow(() -> new InvalidInputException(
                "priority", "unknown priority '" + request.priority() + "'; allowed: routine, urgent, emergency"));
        KnownCase referredCase = readOnly(KnownCase.class, request.caseId())
                .filter(c -> c.organizationId().equals(sender.organizationId()))
                .orElseThrow(() -> new InvalidInputException("caseId",
                        "no case " + request.caseId() + " of your organisation is known (yet) to the referral service"));
        KnownService service = readOnly(KnownService.class, request.serviceId())
                .orElseThrow(() -> new InvalidInputException("serviceId",
                        "no service " + request.serviceId() + " is known in the directory"));
        List<Person> people = concerned(referredCase, request.memberIds());
        Instant now = clock.instant();
        if (request.draft()) {
            if (request.protocolId() != null || request.overrideReason() != null) {
                throw new InvalidInputException(request.protocolId() != null ? "protocolId" : "overrideReason",
                        "a draft carries no protocol or override yet; give them when you send it");
            }
            Referral draft = Referral.draft(referredCase, people.stream().map(Person::memberId).toList(), service,
                    request.supportTypes() == null ? List.of() : request.supportTypes(), priority, request.reason(),
                    sender, now);
            draft.contactAt(request.senderContact());
            referrals.persist(draft);
            remember(sender.organizationId(), idempotencyKey, requestFingerprint, draft, now);
            return new Created(draft, false);
        }
        ConsentBasis basis = ConsentBasis.decide(people, service.organizationId(), consentsOf(referredCase),
                request.overrideReason(), isCentreForSocialWork(sender.organizationId()), now);
        Referral referral = Referral.request(referredCase, people.stream().map(Person::memberId).toList(), service,
                request.supportTypes() == null ? List.of() : request.supportTypes(), priority, request.reason(),
                basis, sender, now);
        referral.contactAt(request.senderContact());
        if (request.protocolId() != null) {
            referral.placeUnder(protocols.findByIdOptional(request.protocolId()).orElseThrow(() ->
                    new InvalidInputException("protocolId", "no protocol " + request.protocolId())), referredCase);
        }
        referrals.persist(referral);
        remember(sender.organizationId(), idempotencyKey, requestFingerprint, referral, now);
        recordRequested(referral, referredCase, people, now);
        return new Created(referral, false);
    }

    /** Sends a draft: consent is decided now, and a protocol, if given, starts its deadlines now. */
    @Transactional
    public Referral send(UUID id, String ifMatch, UUID protocolId, String overrideReason) {
        Referral referral = visible(id);
        Versions.checkIfMatch(ifMatch, referral.version());
        Actor sender = actor();
        KnownCase referredCase = readOnly(KnownCase.class, referral.caseId()).orElseThrow();
        KnownService service = readOnly(KnownService.class, referral.serviceId()).orElseThrow();
        List<Person> people = referredCase.members().stream()
                .filter(p -> referral.memberIds().contains(p.memberId())).toList();
        Instant now = clock.instant();
        referral.send(ConsentBasis.decide(people, service.organizationId(), consentsOf(referredCase), overrideReason,
                isCentreForSocialWork(sender.organizationId()), now), service, sender, now);
        if (protocolId != null) {
            referral.placeUnder(protocols.findByIdOptional(protocolId).orElseThrow(() ->
                    new InvalidInputException("protocolId", "no protocol " + protocolId)), referredCase);
        }
        recordRequested(referral, referredCase, people, now);
        referrals.flush();
        return referral;
    }

    /** The requested event of a new referral, sent or redirected: pseudonymous people and the shared scope. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordRequested(Referral referral, KnownCase referredCase, List<Person> people, Instant now) {
        outbox.record(EventType.REFERRAL_REQUESTED, referral.id(), new ReferralRequestedV1(referral.id(),
                referral.caseId(), referral.sendingOrganizationId(), referral.receivingOrganizationId(),
                referral.serviceId(), referral.supportTypes(), referral.priority().code(),
                referredCase.municipalityCode(), people, referral.sharedScope(), referral.consentIds(), now));
    }

    private void remember(UUID organization, String idempotencyKey, String fingerprint, Referral referral, Instant now) {
        if (idempotencyKey == null) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO idempotency_key (organization_id, key, request_hash, referral_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, organization).setParameter(2, idempotencyKey)
                .setParameter(3, fingerprint).setParameter(4, referral.id()).setParameter(5, now)
                .executeUpdate();
    }

    private Optional<Created> earlierAttempt(UUID organization, String key, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT request_hash, referral_id FROM idempotency_key WHERE organization_id = ?1 AND key = ?2")
                .setParameter(1, organization).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!fingerprint.equals(rows.get(0)[0])) {
            throw new ConflictException("Idempotency-Key " + key + " was used for a different request");
        }
        return Optional.of(new Created(referrals.findById((UUID) rows.get(0)[1]), true));
    }

    @Transactional
    public Referral referral(UUID id) {
        ReadOnlyReads.begin(em);
        return visible(id);
    }

    @Transactional
    public Page<Referral> worklist(Filter filter, PageRequest page) {
        ReadOnlyReads.begin(em);
        UUID organization = caller.requireOrganization();
        StringBuilder query = new StringBuilder(filter.direction() == Direction.INCOMING
                ? "from Referral r where r.receivingOrganizationId = :org and r.status <> ba.refnet.referral.domain.ReferralStatus.DRAFT"
                : "from Referral r where r.sendingOrganizationId = :org");
        Parameters parameters = Parameters.with("org", organization);
        if (!filter.statuses().isEmpty()) {
            query.append(" and r.status in :statuses");
            parameters.and("statuses", filter.statuses());
        }
        if (filter.priority() != null) {
            query.append(" and r.priority = :priority");
            parameters.and("priority", filter.priority());
        }
        if (filter.serviceId() != null) {
            query.append(" and r.serviceId = :service");
            parameters.and("service", filter.serviceId());
        }
        if (filter.overdueOnly()) {
            query.append(" and ").append(OVERDUE);
        }
        var found = referrals.find(query.toString(), Sort.descending("requestedAt"), parameters);
        return Page.of(found.page(page.page(), page.size()).list(), page, found.count());
    }

    public record Counts(Map<ReferralStatus, Long> byStatus, long overdue) {
    }

    /** How many of the organisation's referrals are in each status, and how many are overdue, incoming and outgoing. */
    @Transactional
    public Map<Direction, Counts> counts() {
        UUID organization = caller.requireOrganization();
        Map<Direction, Counts> counts = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            Map<ReferralStatus, Long> byStatus = new EnumMap<>(ReferralStatus.class);
            for (ReferralStatus status : ReferralStatus.values()) {
                byStatus.put(status, 0L);
            }
            String field = direction == Direction.INCOMING ? "receivingOrganizationId" : "sendingOrganizationId";
            // a receiver does not see the sender's drafts
            em.createQuery("select r.status, count(r) from Referral r where r." + field + " = :org"
                    + (direction == Direction.INCOMING ? " and r.status <> ba.refnet.referral.domain.ReferralStatus.DRAFT" : "") + " group by r.status",
                    Object[].class)
                    .setParameter("org", organization)
                    .getResultList()
                    .forEach(row -> byStatus.put((ReferralStatus) row[0], (Long) row[1]));
            long overdue = referrals.count("from Referral r where r." + field + " = ?1 and " + OVERDUE, organization);
            counts.put(direction, new Counts(byStatus, overdue));
        }
        return counts;
    }

    @Transactional
    public ReferralMessage post(UUID referralId, String text) {
        Referral referral = visible(referralId);
        ReferralMessage message = new ReferralMessage(referral.id(), actor(), text, clock.instant());
        messages.persist(message);
        return message;
    }

    @Transactional
    public List<ReferralMessage> messages(UUID referralId) {
        ReadOnlyReads.begin(em);
        Referral referral = visible(referralId);
        return messages.list("referralId", Sort.ascending("at"), referral.id());
    }

    List<KnownConsent> consentsOf(KnownCase referredCase) {
        return em.createQuery("from KnownConsent where caseId = :case", KnownConsent.class)
                .setParameter("case", referredCase.caseId())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    private boolean isCentreForSocialWork(UUID organization) {
        return readOnly(KnownOrganization.class, organization).map(KnownOrganization::isCentreForSocialWork)
                .orElse(false);
    }

    /**
     * The local copies (cases, services, consents, organisations) change only by their events: read for a request,
     * they are loaded read-only, which spares Hibernate their snapshots and the dirty check at commit.
     */
    private <T> Optional<T> readOnly(Class<T> type, UUID id) {
        return Optional.ofNullable(em.find(type, id, ReadOnlyMode.READ_ONLY));
    }

    /** Only the sending and receiving organisations see a referral; to anyone else it does not exist. */
    Referral visible(UUID id) {
        UUID organization = caller.requireOrganization();
        return referrals.findByIdOptional(id).filter(r -> r.visibleTo(organization))
                .orElseThrow(() -> ResourceNotFoundException.of("referral", id));
    }

    Actor actor() {
        return new Actor(caller.subject(), caller.requireOrganization());
    }

    /** The same request always has the same fingerprint: the record's text form is its full content. */
    private static String fingerprint(NewReferral request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

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
