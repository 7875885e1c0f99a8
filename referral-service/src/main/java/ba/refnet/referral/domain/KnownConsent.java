package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What this service knows of a consent recorded in the case service. */
@Entity
@Table(name = "known_consent")
public class KnownConsent {

    @Id
    @Column(name = "consent_id")
    private UUID consentId;
    @Column(name = "case_id")
    private UUID caseId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_ids")
    private List<String> memberIds;
    private String purpose;
    @Column(name = "any_network_member")
    private boolean anyNetworkMember;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_organization_ids")
    private List<UUID> recipientOrganizationIds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> scope;
    @Column(name = "given_at")
    private Instant givenAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected KnownConsent() {
    }

    public KnownConsent(UUID consentId, UUID caseId, List<String> memberIds, String purpose, boolean anyNetworkMember,
            List<UUID> recipientOrganizationIds, List<String> scope, Instant givenAt, Instant expiresAt) {
        this.consentId = consentId;
        this.caseId = caseId;
        this.memberIds = List.copyOf(memberIds);
        this.purpose = purpose;
        this.anyNetworkMember = anyNetworkMember;
        this.recipientOrganizationIds = List.copyOf(recipientOrganizationIds);
        this.scope = List.copyOf(scope);
        this.givenAt = givenAt;
        this.expiresAt = expiresAt;
    }

    /** Valid at {@code at} for referring this member to this organisation. */
    public boolean allowsReferral(String memberId, UUID recipient, Instant at) {
        return "referral".equals(purpose) && memberIds.contains(memberId)
                && (anyNetworkMember || recipientOrganizationIds.contains(recipient))
                && !givenAt.isAfter(at) && (expiresAt == null || at.isBefore(expiresAt))
                && (withdrawnAt == null || at.isBefore(withdrawnAt));
    }

    public void withdraw(Instant at) {
        if (withdrawnAt == null) {
            withdrawnAt = at;
        }
    }

    public UUID consentId() {
        return consentId;
    }

    public UUID caseId() {
        return caseId;
    }

    public List<String> scope() {
        return scope;
    }
}
