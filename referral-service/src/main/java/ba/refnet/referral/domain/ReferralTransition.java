package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a referral's history: who moved it, for which organisation, when, from what to what, and why. */
@Entity
@Table(name = "referral_transition")
public class ReferralTransition {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id")
    private Referral referral;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private ReferralStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private ReferralStatus toStatus;
    private String actor;
    @Column(name = "organization_id")
    private UUID organizationId;
    private Instant at;
    private String note;

    protected ReferralTransition() {
    }

    ReferralTransition(Referral referral, ReferralStatus from, ReferralStatus to, Actor actor, Instant at, String note) {
        this.id = UUID.randomUUID();
        this.referral = referral;
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor.subject();
        this.organizationId = actor.organizationId();
        this.at = at;
        this.note = note;
    }

    public ReferralStatus fromStatus() {
        return fromStatus;
    }

    public ReferralStatus toStatus() {
        return toStatus;
    }

    public String actor() {
        return actor;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Instant at() {
        return at;
    }

    public String note() {
        return note;
    }
}
