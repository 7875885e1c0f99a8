package ba.refnet.referral.service;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.Outbox;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.referral.domain.Actor;
import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.KnownService;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.persistence.KnownCaseRepository;
import ba.refnet.referral.persistence.KnownServiceRepository;
import ba.refnet.referral.persistence.ReferralRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Use cases of the referral loop for the caller's organisation. */
@ApplicationScoped
public class ReferralDesk {

    public enum Direction { INCOMING, OUTGOING }

    @Inject
    ReferralRepository referrals;

    @Inject
    KnownCaseRepository cases;

    @Inject
    KnownServiceRepository services;

    @Inject
    Outbox outbox;

    @Inject
    CallerContext caller;

    private final Clock clock = Clock.systemUTC();

    public record NewReferral(UUID caseId, List<UUID> memberIds, UUID serviceId, List<String> supportTypes,
            String priority, String reason) {
    }

    @Transactional
    public Referral request(NewReferral request) {
        Actor sender = actor();
        Priority priority = Priority.ofCode(request.priority()).orElseThrow(() -> new InvalidInputException(
                "priority", "unknown priority '" + request.priority() + "'; allowed: routine, urgent, emergency"));
        KnownCase referredCase = cases.findByIdOptional(request.caseId())
                .filter(c -> c.organizationId().equals(sender.organizationId()))
                .orElseThrow(() -> new InvalidInputException("caseId",
                        "no case " + request.caseId() + " of your organisation is known (yet) to the referral service"));
        KnownService service = services.findByIdOptional(request.serviceId())
                .orElseThrow(() -> new InvalidInputException("serviceId",
                        "no service " + request.serviceId() + " is known in the directory"));
        List<Person> people = concerned(referredCase, request.memberIds());
        Instant now = clock.instant();
        Referral referral = Referral.request(referredCase, people.stream().map(Person::memberId).toList(), service,
                request.supportTypes() == null ? List.of() : request.supportTypes(), priority, request.reason(),
                sender, now);
        referrals.persist(referral);
        outbox.record(EventType.REFERRAL_REQUESTED, referral.id(), new ReferralRequestedV1(referral.id(),
                referral.caseId(), referral.sendingOrganizationId(), referral.receivingOrganizationId(),
                referral.serviceId(), referral.supportTypes(), priority.code(), referredCase.municipalityCode(),
                people, now));
        return referral;
    }

    @Transactional
    public Referral accept(UUID id, String ifMatch) {
        Referral referral = visible(id);
        Versions.checkIfMatch(ifMatch, referral.version());
        Instant now = clock.instant();
        referral.accept(actor(), now);
        outbox.record(EventType.REFERRAL_ACCEPTED, referral.id(), new ReferralAcceptedV1(referral.id(),
                referral.caseId(), referral.sendingOrganizationId(), referral.receivingOrganizationId(),
                referral.serviceId(), referral.supportTypes(), referral.requestedAt(), now));
        referrals.flush();
        return referral;
    }

    @Transactional
    public Referral referral(UUID id) {
        return visible(id);
    }

    @Transactional
    public Page<Referral> worklist(Direction direction, PageRequest page) {
        UUID organization = caller.requireOrganization();
        String field = direction == Direction.INCOMING ? "receivingOrganizationId" : "sendingOrganizationId";
        var query = referrals.find(field, Sort.descending("requestedAt"), organization);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    /** Only the sending and receiving organisations see a referral; to anyone else it does not exist. */
    private Referral visible(UUID id) {
        UUID organization = caller.requireOrganization();
        return referrals.findByIdOptional(id).filter(r -> r.visibleTo(organization))
                .orElseThrow(() -> ResourceNotFoundException.of("referral", id));
    }

    private Actor actor() {
        return new Actor(caller.subject(), caller.requireOrganization());
    }

    private static List<Person> concerned(KnownCase referredCase, List<UUID> memberIds) {
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
