package ba.refnet.registry.service;

import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.time.NetworkTime;
import ba.refnet.registry.domain.Memorandum;
import ba.refnet.registry.domain.Network;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.persistence.MemorandumRepository;
import ba.refnet.registry.persistence.NetworkRepository;
import ba.refnet.registry.persistence.OrganizationRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Networks and working groups with their members, and memoranda with their signatories: managed by network
 * administrators, read by every member. Membership changes and signatures are published.
 */
@ApplicationScoped
public class Networks {

    @Inject
    NetworkRepository networks;

    @Inject
    MemorandumRepository memoranda;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationDirectory directory;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    @Inject
    NetworkTime time;

    public record NetworkInput(String name, String kind, String description, String municipalityCode,
            UUID coordinatingOrganizationId) {
    }

    public record MemorandumInput(String title, String subject, UUID networkId, List<UUID> signatoryOrganizationIds,
            LocalDate signedOn, LocalDate validUntil) {
    }

    @Transactional
    public Network create(NetworkInput in) {
        List<FieldViolation> violations = new ArrayList<>();
        var kind = Codes.parse(Network.Kind.class, in.kind());
        if (kind.isEmpty()) {
            violations.add(new FieldViolation("kind", "allowed: " + Codes.allowed(Network.Kind.class)));
        }
        new DirectoryCodes(violations).municipality("municipalityCode", in.municipalityCode());
        if (in.coordinatingOrganizationId() != null && organizations.findByIdOptional(in.coordinatingOrganizationId()).isEmpty()) {
            violations.add(new FieldViolation("coordinatingOrganizationId", "no organisation "
                    + in.coordinatingOrganizationId()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Network network = Network.found(in.name(), kind.get(), in.description(), in.municipalityCode(),
                in.coordinatingOrganizationId(), time.today(), clock.instant());
        networks.persist(network);
        events.publishFrom(network);
        return network;
    }

    @Transactional
    public Network admit(UUID networkId, UUID organizationId, LocalDate joinedOn, String ifMatch) {
        Network network = current(networkId, ifMatch);
        directory.organization(organizationId);
        network.admit(organizationId, joinedOn == null ? time.today() : joinedOn, clock.instant());
        networks.flush();
        events.publishFrom(network);
        return network;
    }

    @Transactional
    public Network release(UUID networkId, UUID organizationId, String ifMatch) {
        Network network = current(networkId, ifMatch);
        network.release(organizationId, clock.instant());
        networks.flush();
        events.publishFrom(network);
        return network;
    }

    @Transactional
    public Network network(UUID id) {
        return networks.findByIdOptional(id).orElseThrow(() -> ResourceNotFoundException.of("network", id));
    }

    @Transactional
    public List<Network> all() {
        return networks.listAll(Sort.by("name"));
    }

    /** "The networks organisation Y belongs to." */
    @Transactional
    public List<Network> networksOf(UUID organizationId) {
        directory.organization(organizationId);
        return networks.list("select n from Network n join n.members m where m.organizationId = ?1 order by n.name",
                organizationId);
    }

    @Transactional
    public List<Organization> members(UUID networkId) {
        List<UUID> ids = network(networkId).members().stream().map(Network.Member::organizationId).toList();
        return organizations.list("id in ?1", Sort.by("name"), ids);
    }

    @Transactional
    public Memorandum record(MemorandumInput in) {
        List<FieldViolation> violations = new ArrayList<>();
        List<UUID> signatories = in.signatoryOrganizationIds();
        for (int i = 0; i < signatories.size(); i++) {
            if (organizations.findByIdOptional(signatories.get(i)).isEmpty()) {
                violations.add(new FieldViolation("signatoryOrganizationIds[" + i + "]", "no organisation "
                        + signatories.get(i)));
            }
        }
        if (signatories.stream().distinct().count() < 2) {
            violations.add(new FieldViolation("signatoryOrganizationIds", "a memorandum has at least two signatories"));
        }
        if (in.networkId() != null && networks.findByIdOptional(in.networkId()).isEmpty()) {
            violations.add(new FieldViolation("networkId", "no network " + in.networkId()));
        }
        if (in.signedOn() != null && in.validUntil() != null && in.validUntil().isBefore(in.signedOn())) {
            violations.add(new FieldViolation("validUntil", "must not be before signedOn"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Memorandum memorandum = Memorandum.record(in.title(), in.subject(), in.networkId(), signatories, in.signedOn(),
                in.validUntil(), clock.instant());
        memoranda.persist(memorandum);
        events.publishFrom(memorandum);
        return memorandum;
    }

    @Transactional
    public Memorandum sign(UUID memorandumId, LocalDate signedOn, String ifMatch) {
        Memorandum memorandum = memorandum(memorandumId);
        Versions.checkIfMatch(ifMatch, memorandum.version());
        memorandum.sign(signedOn == null ? time.today() : signedOn, clock.instant());
        memoranda.flush();
        events.publishFrom(memorandum);
        return memorandum;
    }

    @Transactional
    public Memorandum terminate(UUID memorandumId, String ifMatch) {
        Memorandum memorandum = memorandum(memorandumId);
        Versions.checkIfMatch(ifMatch, memorandum.version());
        memorandum.terminate();
        memoranda.flush();
        return memorandum;
    }

    @Transactional
    public Memorandum memorandum(UUID id) {
        return memoranda.findByIdOptional(id).orElseThrow(() -> ResourceNotFoundException.of("memorandum", id));
    }

    @Transactional
    public List<Memorandum> memoranda(UUID organizationId) {
        if (organizationId == null) {
            return memoranda.listAll(Sort.by("title"));
        }
        directory.organization(organizationId);
        return memoranda.list("select m from Memorandum m join m.signatories s where s = ?1 order by m.title",
                organizationId);
    }

    /** "The directory of the signatories of memorandum X." */
    @Transactional
    public List<Organization> signatories(UUID memorandumId) {
        return organizations.list("id in ?1", Sort.by("name"), memorandum(memorandumId).signatories());
    }

    private Network current(UUID networkId, String ifMatch) {
        Network network = network(networkId);
        Versions.checkIfMatch(ifMatch, network.version());
        return network;
    }
}
