package ba.refnet.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a case through the process: who moved it, when, from what to what, and why. */
@Entity
@Table(name = "case_transition")
public class CaseTransition {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CaseStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private CaseStatus toStatus;
    private String actor;
    private Instant at;
    private String note;

    protected CaseTransition() {
    }

    CaseTransition(UUID caseId, CaseStatus from, CaseStatus to, String actor, Instant at, String note) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.at = at;
        this.note = note;
    }

    public CaseStatus fromStatus() {
        return fromStatus;
    }

    public CaseStatus toStatus() {
        return toStatus;
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }

    public String note() {
        return note;
    }
}
