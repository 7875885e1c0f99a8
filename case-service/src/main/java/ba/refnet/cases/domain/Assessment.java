package ba.refnet.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An assessment of the family: strengths, risks and needs (support-type codes); the newest one counts. */
@Entity
@Table(name = "case_assessment")
public class Assessment {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    private String strengths;
    private String risks;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> needs;
    private String summary;
    @Column(name = "assessed_by")
    private String assessedBy;
    @Column(name = "assessed_at")
    private Instant assessedAt;

    protected Assessment() {
    }

    public Assessment(UUID caseId, String strengths, String risks, List<String> needs, String summary,
            String assessedBy, Instant at) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.strengths = strengths;
        this.risks = risks;
        this.needs = List.copyOf(needs);
        this.summary = summary;
        this.assessedBy = assessedBy;
        this.assessedAt = at;
    }

    public UUID id() {
        return id;
    }

    public String strengths() {
        return strengths;
    }

    public String risks() {
        return risks;
    }

    public List<String> needs() {
        return needs;
    }

    public String summary() {
        return summary;
    }

    public String assessedBy() {
        return assessedBy;
    }

    public Instant assessedAt() {
        return assessedAt;
    }
}
