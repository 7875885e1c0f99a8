package ba.refnet.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the case plan: a goal, the action towards it, the organisation responsible and the due date. */
@Entity
@Table(name = "case_plan_item")
public class PlanItem {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    private String goal;
    private String action;
    @Column(name = "responsible_organization_id")
    private UUID responsibleOrganizationId;
    @Column(name = "due_date")
    private LocalDate dueDate;
    private boolean done;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected PlanItem() {
    }

    public PlanItem(UUID caseId, String goal, String action, UUID responsibleOrganizationId, LocalDate dueDate,
            String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.goal = goal;
        this.action = action;
        this.responsibleOrganizationId = responsibleOrganizationId;
        this.dueDate = dueDate;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void markDone() {
        done = true;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public String goal() {
        return goal;
    }

    public String action() {
        return action;
    }

    public UUID responsibleOrganizationId() {
        return responsibleOrganizationId;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public boolean done() {
        return done;
    }
}
