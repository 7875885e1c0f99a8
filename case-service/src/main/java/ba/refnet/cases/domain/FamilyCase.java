package ba.refnet.cases.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A household (or one person) registered by an organisation, owned by that organisation. */
@Entity
@Table(name = "family_case")
public class FamilyCase {

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "municipality_code")
    private String municipalityCode;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> vulnerabilities;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "opened_by")
    private String openedBy;
    @Version
    private long version;
    /** Members are always needed with their case; batch loading keeps lists to a few queries. */
    @OneToMany(mappedBy = "familyCase", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @OrderBy("position")
    private List<CaseMember> members = new ArrayList<>();

    protected FamilyCase() {
    }

    public record NewMember(MemberRole role, String givenName, String familyName, Sex sex, LocalDate birthDate) {
    }

    public static FamilyCase open(UUID organizationId, String municipalityCode, List<String> vulnerabilities,
            List<NewMember> members, String openedBy, Instant now) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a case has at least one member");
        }
        FamilyCase c = new FamilyCase();
        c.id = UUID.randomUUID();
        c.organizationId = organizationId;
        c.municipalityCode = municipalityCode;
        c.status = CaseStatus.INTAKE;
        c.vulnerabilities = List.copyOf(vulnerabilities);
        c.openedAt = now;
        c.openedBy = openedBy;
        for (NewMember m : members) {
            c.members.add(new CaseMember(c, c.members.size(), m.role(), m.givenName(), m.familyName(), m.sex(),
                    m.birthDate()));
        }
        return c;
    }

    public boolean ownedBy(UUID organization) {
        return organizationId.equals(organization);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public CaseStatus status() {
        return status;
    }

    public List<String> vulnerabilities() {
        return vulnerabilities;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<CaseMember> members() {
        return List.copyOf(members);
    }

    public long version() {
        return version;
    }
}
