package ba.refnet.registry.rest;

import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.service.OrganizationDirectory.NewOrganization;
import ba.refnet.registry.service.OrganizationDirectory.NewService;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the directory API. */
public final class OrganizationDtos {

    private OrganizationDtos() {
    }

    @Schema(name = "OrganizationRegistration")
    public record OrganizationRegistration(
            @Schema(description = "Optional: the id the organisation already has in the identity provider (org_id); "
                    + "generated when absent") UUID id,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Schema(description = "centre_for_social_work, public_institution, ngo, international_organisation, "
                    + "school, health_centre, police, informal_group or other") String legalForm,
            @Pattern(regexp = "^[0-9]{3,6}$", message = "must be an official municipality code (3 to 6 digits)")
            String municipalityCode,
            @Email @Size(max = 254) String email,
            @Size(max = 50) String registrationNumber) {

        NewOrganization toCommand() {
            return new NewOrganization(id, name, legalForm, municipalityCode, email, registrationNumber);
        }
    }

    @Schema(name = "Organization")
    public record OrganizationView(UUID id, String name, String legalForm, String municipalityCode, String email,
            String registrationNumber, Instant createdAt, long version) {

        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.name(), o.legalForm().code(), o.municipalityCode(), o.email(),
                    o.registrationNumber(), o.createdAt(), o.version());
        }
    }

    @Schema(name = "ServiceRegistration")
    public record ServiceRegistration(
            @NotBlank @Size(max = 300) String name,
            @Size(max = 4000) String description,
            @NotNull @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> supportTypes,
            @Schema(description = "accepting (default), waitlist or not_accepting") String intakeStatus) {

        NewService toCommand() {
            return new NewService(name, description, supportTypes, intakeStatus);
        }
    }

    @Schema(name = "Service")
    public record ServiceView(UUID id, UUID organizationId, String name, String description,
            List<String> supportTypes, String status, String intakeStatus, Instant createdAt, long version) {

        static ServiceView of(HumanService s) {
            return new ServiceView(s.id(), s.organization().id(), s.name(), s.description(), s.supportTypes(),
                    s.status().code(), s.intakeStatus().code(), s.createdAt(), s.version());
        }
    }
}
