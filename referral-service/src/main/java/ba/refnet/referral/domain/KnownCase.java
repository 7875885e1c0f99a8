package ba.refnet.referral.domain;

import ba.refnet.contracts.common.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What this service knows of a case: its owner and pseudonymous members, from the case service's events. */
@Entity
@Table(name = "known_case")
public class KnownCase {

    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "municipality_code")
    private String municipalityCode;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Person> members;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> vulnerabilities;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected KnownCase() {
    }

    public KnownCase(UUID caseId, UUID organizationId, String municipalityCode, List<Person> members,
            List<String> vulnerabilities, Instant updatedAt) {
        this.caseId = caseId;
        this.organizationId = organizationId;
        this.municipalityCode = municipalityCode;
        this.members = List.copyOf(members);
        this.vulnerabilities = List.copyOf(vulnerabilities);
        this.updatedAt = updatedAt;
    }

    /** The case changed hands: from now on only its new owner may refer it. */
    public void ownedBy(UUID organization, Instant at) {
        organizationId = organization;
        updatedAt = at;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public List<Person> members() {
        return members;
    }

    public List<String> vulnerabilities() {
        return vulnerabilities;
    }
}
