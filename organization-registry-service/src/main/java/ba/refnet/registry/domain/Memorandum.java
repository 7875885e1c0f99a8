package ba.refnet.registry.domain;

import ba.refnet.chassis.domain.RecordsDomainEvents;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.registry.domain.MemorandumEvent.MemorandumSigned;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A memorandum of cooperation between organisations, bilateral or multilateral, possibly within a network. Records
 * {@link MemorandumEvent}s: the network hears of a memorandum when it is signed.
 */
@Entity
@Table(name = "memorandum")
public class Memorandum extends RecordsDomainEvents {

    public enum Kind { BILATERAL, MULTILATERAL }

    public enum Status { DRAFT, SIGNED, EXPIRED, TERMINATED }

    @Id
    private UUID id;
    private String title;
    private String subject;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "network_id")
    private UUID networkId;
    @Column(name = "signed_on")
    private LocalDate signedOn;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    private Status status;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "memorandum_signatory", joinColumns = @JoinColumn(name = "memorandum_id"))
    @Column(name = "organization_id")
    private List<UUID> signatories = new ArrayList<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Memorandum() {
    }

    /** Records a memorandum; with a signing date it is signed, without one it is a draft. */
    public static Memorandum record(String title, String subject, UUID networkId, List<UUID> signatories,
            LocalDate signedOn, LocalDate validUntil, Instant now) {
        List<UUID> distinct = signatories.stream().distinct().toList();
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("a memorandum has at least two signatories");
        }
        if (signedOn != null && validUntil != null && validUntil.isBefore(signedOn)) {
            throw new IllegalArgumentException("validUntil before signedOn");
        }
        Memorandum m = new Memorandum();
        m.id = UUID.randomUUID();
        m.title = title.strip();
        m.subject = subject;
        m.kind = distinct.size() == 2 ? Kind.BILATERAL : Kind.MULTILATERAL;
        m.networkId = networkId;
        m.signatories = new ArrayList<>(distinct);
        m.signedOn = signedOn;
        m.validUntil = validUntil;
        m.status = signedOn == null ? Status.DRAFT : Status.SIGNED;
        m.createdAt = now;
        if (signedOn != null) {
            m.recordThat(m.signed(now));
        }
        return m;
    }

    public void sign(LocalDate on, Instant now) {
        if (status != Status.DRAFT) {
            throw new ConflictException("memorandum " + id + " is " + status.name().toLowerCase() + ", not a draft");
        }
        if (validUntil != null && validUntil.isBefore(on)) {
            throw new ConflictException("memorandum " + id + " would be signed after it ends (" + validUntil + ")");
        }
        signedOn = on;
        status = Status.SIGNED;
        recordThat(signed(now));
    }

    private MemorandumSigned signed(Instant now) {
        return new MemorandumSigned(id, title, kind, networkId, List.copyOf(signatories), signedOn, validUntil, now);
    }

    public void terminate() {
        if (status != Status.SIGNED) {
            throw new ConflictException("only a signed memorandum can be terminated; this one is "
                    + status.name().toLowerCase());
        }
        status = Status.TERMINATED;
    }

    /** A signed memorandum past its end date counts as expired. */
    public Status statusOn(LocalDate day) {
        return status == Status.SIGNED && validUntil != null && validUntil.isBefore(day) ? Status.EXPIRED : status;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String subject() {
        return subject;
    }

    public Kind kind() {
        return kind;
    }

    public UUID networkId() {
        return networkId;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public List<UUID> signatories() {
        return List.copyOf(signatories);
    }

    public long version() {
        return version;
    }
}
