package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An organisation's legal form, from the registry: centres for social work may refer on a child-protection basis. */
@Entity
@Table(name = "known_organization")
public class KnownOrganization {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "legal_form")
    private String legalForm;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected KnownOrganization() {
    }

    public KnownOrganization(UUID organizationId, String legalForm, Instant updatedAt) {
        this.organizationId = organizationId;
        this.legalForm = legalForm;
        this.updatedAt = updatedAt;
    }

    /** The statutory guardianship body, which may act without consent where a child's protection requires it. */
    public boolean isCentreForSocialWork() {
        return "centre_for_social_work".equals(legalForm);
    }
}
