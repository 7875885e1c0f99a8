package ba.refnet.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A person in a case. Names and birth date are personal data and stay in this service. */
@Entity
@Table(name = "case_member")
public class CaseMember {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private FamilyCase familyCase;
    private int position;
    @Enumerated(EnumType.STRING)
    private MemberRole role;
    @Column(name = "given_name")
    private String givenName;
    @Column(name = "family_name")
    private String familyName;
    @Enumerated(EnumType.STRING)
    private Sex sex;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "birth_date_estimated")
    private boolean birthDateEstimated;
    /** Keyed hash of the identity number, for duplicate detection only; the number itself is not kept. */
    @Column(name = "identity_hash")
    private String identityHash;
    @Column(name = "name_key")
    private String nameKey;

    protected CaseMember() {
    }

    CaseMember(FamilyCase familyCase, int position, FamilyCase.NewMember person) {
        this.id = UUID.randomUUID();
        this.familyCase = familyCase;
        this.position = position;
        correct(person);
    }

    void correct(FamilyCase.NewMember person) {
        this.role = person.role();
        this.givenName = person.givenName().strip();
        this.familyName = person.familyName().strip();
        this.sex = person.sex();
        this.birthDate = person.birthDate();
        this.birthDateEstimated = person.birthDateEstimated();
        this.identityHash = person.identityHash();
        this.nameKey = NameKey.of(givenName, familyName);
    }

    /** Names and identity go; the year of birth stays for figures by age group, marked as an estimate. */
    void anonymise() {
        givenName = "anonymised";
        familyName = "anonymised";
        identityHash = null;
        nameKey = null;
        if (birthDate != null) {
            birthDate = birthDate.withDayOfYear(1);
            birthDateEstimated = true;
        }
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    public MemberRole role() {
        return role;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public Sex sex() {
        return sex;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public boolean birthDateEstimated() {
        return birthDateEstimated;
    }

    public FamilyCase familyCase() {
        return familyCase;
    }
}
