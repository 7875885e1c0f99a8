package ba.refnet.referral.domain;

import ba.refnet.chassis.errors.InvalidInputException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * A written protocol as data, such as the protocol on protection and care of children found begging in one
 * municipality: the category that triggers it, the required times, and the working group's coordinator who
 * hears of missed deadlines.
 */
@Entity
@Table(name = "protocol")
public class Protocol {

    @Id
    private UUID id;
    private String name;
    @Column(name = "municipality_code")
    private String municipalityCode;
    @Column(name = "trigger_category")
    private String triggerCategory;
    @Column(name = "coordinator_organization_id")
    private UUID coordinatorOrganizationId;
    @Column(name = "escalate_after_hours")
    private int escalateAfterHours;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "protocol_step", joinColumns = @JoinColumn(name = "protocol_id"))
    @OrderColumn(name = "position")
    private List<ProtocolStep> steps = new ArrayList<>();

    protected Protocol() {
    }

    public static Protocol define(String name, String municipalityCode, String triggerCategory,
            UUID coordinatorOrganizationId, int escalateAfterHours, List<ProtocolStep> steps, Instant now) {
        if (steps.isEmpty()) {
            throw new InvalidInputException("steps", "a protocol has at least one step");
        }
        if (new HashSet<>(steps.stream().map(ProtocolStep::deadline).toList()).size() != steps.size()) {
            throw new InvalidInputException("steps", "each deadline appears once in a protocol");
        }
        if (escalateAfterHours < 0) {
            throw new InvalidInputException("escalateAfterHours", "must be 0 or more");
        }
        Protocol protocol = new Protocol();
        protocol.id = UUID.randomUUID();
        protocol.name = name.strip();
        protocol.municipalityCode = municipalityCode;
        protocol.triggerCategory = triggerCategory;
        protocol.coordinatorOrganizationId = coordinatorOrganizationId;
        protocol.escalateAfterHours = escalateAfterHours;
        protocol.active = true;
        protocol.createdAt = now;
        protocol.steps.addAll(steps);
        return protocol;
    }

    /** Whether a referral of this case may be made under this protocol. */
    public boolean appliesTo(KnownCase referredCase) {
        return active && referredCase.vulnerabilities().contains(triggerCategory)
                && (municipalityCode == null || municipalityCode.equals(referredCase.municipalityCode()));
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public String triggerCategory() {
        return triggerCategory;
    }

    public UUID coordinatorOrganizationId() {
        return coordinatorOrganizationId;
    }

    public int escalateAfterHours() {
        return escalateAfterHours;
    }

    public boolean active() {
        return active;
    }

    public List<ProtocolStep> steps() {
        return List.copyOf(steps);
    }

    public long version() {
        return version;
    }
}
