package ba.refnet.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read or change of personal data: who, for which organisation, what, which record, when and why. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private UUID id;
    private Instant at;
    private String actor;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String action;
    @Column(name = "record_type")
    private String recordType;
    @Column(name = "record_id")
    private UUID recordId;
    private String purpose;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, String actor, UUID organizationId, String action, String recordType, UUID recordId,
            String purpose) {
        this.id = UUID.randomUUID();
        this.at = at;
        this.actor = actor;
        this.organizationId = organizationId;
        this.action = action;
        this.recordType = recordType;
        this.recordId = recordId;
        this.purpose = purpose;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String action() {
        return action;
    }

    public String recordType() {
        return recordType;
    }

    public UUID recordId() {
        return recordId;
    }

    public String purpose() {
        return purpose;
    }
}
