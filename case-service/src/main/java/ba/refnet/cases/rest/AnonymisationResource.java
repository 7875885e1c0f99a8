package ba.refnet.cases.rest;

import ba.refnet.cases.rest.CaseDtos.CaseView;
import ba.refnet.cases.service.Anonymisation;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases/{id}/anonymisation")
@Tag(name = "Privacy")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORG_ADMIN)
public class AnonymisationResource {

    @Inject
    Anonymisation anonymisation;

    @Schema(name = "AnonymisationRequest")
    public record AnonymisationRequest(@NotBlank @Size(max = 500) @Schema(description = "Why, for the audit trail")
            String reason) {
    }

    @POST
    @Operation(summary = "Erase the people of a closed case by anonymisation (organisation administrators; audited)",
            description = "Allowed once the retention time after closure has passed (refnet.cases.retention.after-closure, "
                    + "ten years by default); a daily sweep does the same for every case that is due. Names, identity "
                    + "hashes, contact data and free texts go; roles, sex, year of birth, codes and dates stay for reports.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "erasure-request", value = """
            {"reason": "Erasure requested by the family after the retention period"}""")))
    @APIResponse(responseCode = "200", description = "Anonymised", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "409", description = "Still open, still within retention, or already anonymised")
    public CaseView anonymiseCase(@PathParam("id") UUID caseId, @Valid @NotNull AnonymisationRequest body) {
        return CaseView.of(anonymisation.anonymise(caseId, body.reason()));
    }
}
