package ba.refnet.registry.domain;

import ba.refnet.chassis.domain.RecordsDomainEvents;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.registry.domain.NetworkEvent.OrganizationJoined;
import ba.refnet.registry.domain.NetworkEvent.OrganizationLeft;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A network of organisations: an informal network such as "Zajednička priča", or a municipality's working group
 * for child safety, with its members and the organisation that coordinates it. Records {@link NetworkEvent}s.
 */
@Entity
@Table(name = "network")
public class Network extends RecordsDomainEvents {

    public enum Kind { INFORMAL_NETWORK, WORKING_GROUP, FORMAL_NETWORK }

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String description;
    @Column(name = "municipality_code")
    private String municipalityCode;
    @Column(name = "coordinating_organization_id")
    private UUID coordinatingOrganizationId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "network_member", joinColumns = @JoinColumn(name = "network_id"))
    private List<Member> members = new ArrayList<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    /** An organisation in the network since a date. */
    @Embeddable
    public static class Member {
        @Column(name = "organization_id")
        private UUID organizationId;
        @Column(name = "joined_on")
        private LocalDate joinedOn;

        protected Member() {
        }

        Member(UUID organizationId, LocalDate joinedOn) {
            this.organizationId = organizationId;
            this.joinedOn = joinedOn;
        }

        public UUID organizationId() {
            return organizationId;
        }

        public LocalDate joinedOn() {
            return joinedOn;
        }
    }

    protected Network() {
    }

    public static Network found(String name, Kind kind, String description, String municipalityCode,
            UUID coordinatingOrganizationId, LocalDate today, Instant now) {
        Network network = new Network();
        network.id = UUID.randomUUID();
        network.name = name.strip();
        network.kind = kind;
        network.description = description;
        network.municipalityCode = municipalityCode;
        network.coordinatingOrganizationId = coordinatingOrganizationId;
        network.createdAt = now;
        if (coordinatingOrganizationId != null) {
            network.members.add(new Member(coordinatingOrganizationId, today));
            network.recordThat(network.joined(coordinatingOrganizationId, now));
        }
        return network;
    }

    public void admit(UUID organizationId, LocalDate on, Instant now) {
        if (isMember(organizationId)) {
            throw new ConflictException("organisation " + organizationId + " is already a member of " + name);
        }
        members.add(new Member(organizationId, on));
        recordThat(joined(organizationId, now));
    }

    private OrganizationJoined joined(UUID organizationId, Instant now) {
        return new OrganizationJoined(id, name, kind, coordinatingOrganizationId, municipalityCode, organizationId,
                now);
    }

    public void release(UUID organizationId, Instant now) {
        if (organizationId.equals(coordinatingOrganizationId)) {
            throw new ConflictException("the coordinating organisation cannot leave; name another coordinator first");
        }
        if (!members.removeIf(m -> m.organizationId().equals(organizationId))) {
            throw new ConflictException("organisation " + organizationId + " is not a member of " + name);
        }
        recordThat(new OrganizationLeft(id, name, kind, coordinatingOrganizationId, municipalityCode, organizationId,
                now));
    }

    public boolean isMember(UUID organizationId) {
        return members.stream().anyMatch(m -> m.organizationId().equals(organizationId));
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public UUID coordinatingOrganizationId() {
        return coordinatingOrganizationId;
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    public long version() {
        return version;
    }
}
