package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message between the sending and the receiving organisation about one referral. Free text: never in events. */
@Entity
@Table(name = "referral_message")
public class ReferralMessage {

    @Id
    private UUID id;
    @Column(name = "referral_id")
    private UUID referralId;
    private String author;
    @Column(name = "organization_id")
    private UUID organizationId;
    private Instant at;
    private String text;

    protected ReferralMessage() {
    }

    public ReferralMessage(UUID referralId, Actor author, String text, Instant at) {
        this.id = UUID.randomUUID();
        this.referralId = referralId;
        this.author = author.subject();
        this.organizationId = author.organizationId();
        this.text = text.strip();
        this.at = at;
    }

    public UUID id() {
        return id;
    }

    public String author() {
        return author;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Instant at() {
        return at;
    }

    public String text() {
        return text;
    }
}
