package ba.refnet.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A case note. Restricted notes are read only by their author; team notes by the owning organisation's staff. */
@Entity
@Table(name = "case_note")
public class CaseNote {

    public enum Visibility { TEAM, AUTHOR_ONLY }

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    private String text;
    @Enumerated(EnumType.STRING)
    private Visibility visibility;
    private String author;
    private Instant at;

    protected CaseNote() {
    }

    public CaseNote(UUID caseId, String text, Visibility visibility, String author, Instant at) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.text = text;
        this.visibility = visibility;
        this.author = author;
        this.at = at;
    }

    public boolean readableBy(String subject) {
        return visibility == Visibility.TEAM || author.equals(subject);
    }

    public UUID id() {
        return id;
    }

    public String text() {
        return text;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String author() {
        return author;
    }

    public Instant at() {
        return at;
    }
}
