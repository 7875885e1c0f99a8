package ba.refnet.cases.rest;

import ba.refnet.cases.domain.CaseMember;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.Contact;
import ba.refnet.cases.service.CaseIntake.NewCase;
import ba.refnet.cases.service.DuplicateFinder;
import ba.refnet.cases.service.PeopleValidation.MemberInput;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class CaseDtos {

    private CaseDtos() {
    }

    @Schema(name = "CaseIntake")
    public record CaseIntakeRequest(
            @Pattern(regexp = "^[0-9]{3,6}$", message = "must be an official municipality code (3 to 6 digits)")
            String municipalityCode,
            @Size(max = 20) List<@NotBlank String> vulnerabilities,
            @Size(max = 30) @Schema(description = "Support-type codes of the registry's taxonomy")
            List<@NotBlank String> needs,
            @Valid ContactRequest contact,
            @NotNull @NotEmpty @Size(max = 30) List<@Valid @NotNull MemberRequest> members) {

        public NewCase toCommand() {
            return new NewCase(municipalityCode, vulnerabilities, needs, contact == null ? null : contact.toContact(),
                    members.stream().map(MemberRequest::toInput).toList());
        }
    }

    @Schema(name = "HouseholdContact", description = "How to reach the household; personal data, never in events")
    public record ContactRequest(
            @Pattern(regexp = "^\\+?[0-9 ()/-]{6,20}$", message = "must be a phone number such as +387 36 123 456")
            String phone,
            @Email @Size(max = 254) String email,
            @Size(max = 300) String address) {

        public Contact toContact() {
            return new Contact(phone, email, address);
        }
    }

    @Schema(name = "CaseMemberIntake")
    public record MemberRequest(
            @NotBlank @Schema(description = "child, parent_or_guardian, extended_family, other or self") String role,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Schema(description = "female, male or unknown") String sex,
            LocalDate birthDate,
            @Schema(description = "When the birth date is not known: the age in years; the case keeps an estimated date")
            Integer estimatedAge,
            @Size(max = 13) @Schema(description = "JMBG, optional: validated (check digit, date), used only as a keyed "
                    + "hash for duplicate detection and never stored or returned") String jmbg) {

        public MemberInput toInput() {
            return new MemberInput(role, givenName, familyName, sex, birthDate, estimatedAge, jmbg);
        }
    }

    @Schema(name = "Case")
    public record CaseView(UUID id, UUID organizationId, String municipalityCode, String status,
            List<String> vulnerabilities, List<String> needs, Contact contact, List<MemberView> members,
            Instant openedAt, String assignedWorker, String closureReason, Instant closedAt, Instant anonymisedAt,
            long version,
            @Schema(description = "On intake only: people who may already be registered (never merged)")
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DuplicateFinder.Warning> duplicateWarnings) {

        public static CaseView of(FamilyCase c) {
            return of(c, List.of());
        }

        static CaseView of(FamilyCase c, List<DuplicateFinder.Warning> warnings) {
            return new CaseView(c.id(), c.organizationId(), c.municipalityCode(), c.status().code(),
                    c.vulnerabilities(), c.needs(), c.contact(), c.members().stream().map(MemberView::of).toList(),
                    c.openedAt(), c.assignedWorker(), c.closureReason() == null ? null : c.closureReason().code(),
                    c.closedAt(), c.anonymisedAt(), c.version(), warnings);
        }
    }

    @Schema(name = "CaseMember")
    public record MemberView(UUID id, String role, String givenName, String familyName, String sex,
            LocalDate birthDate, boolean birthDateEstimated) {

        public static MemberView of(CaseMember m) {
            return new MemberView(m.id(), m.role().code(), m.givenName(), m.familyName(), m.sex().code(),
                    m.birthDate(), m.birthDateEstimated());
        }
    }
}
