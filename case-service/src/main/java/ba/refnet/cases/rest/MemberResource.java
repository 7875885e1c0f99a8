package ba.refnet.cases.rest;

import ba.refnet.cases.rest.CaseDtos.CaseView;
import ba.refnet.cases.rest.CaseDtos.MemberRequest;
import ba.refnet.cases.rest.CaseDtos.MemberView;
import ba.refnet.cases.service.DuplicateFinder;
import ba.refnet.cases.service.HouseholdChanges;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases/{id}/members")
@Tag(name = "Cases")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
@APIResponse(responseCode = "409", description = "The case was anonymised")
public class MemberResource {

    private static final String GRANDMOTHER = """
            {"role": "extended_family", "givenName": "Fata", "familyName": "Hodžić", "sex": "female", "estimatedAge": 70}""";

    @Inject
    HouseholdChanges household;

    @PathParam("id")
    UUID caseId;

    @Schema(name = "AddedMember")
    public record AddedView(MemberView member,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DuplicateFinder.Warning> duplicateWarnings) {
    }

    @POST
    @Operation(summary = "Add a person to the household (audited; published without identity)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "grandmother", value = GRANDMOTHER)))
    @APIResponse(responseCode = "201", description = "Added; the case's new ETag in the header",
            content = @Content(schema = @Schema(implementation = AddedView.class)))
    public Response addMember(@Valid @NotNull MemberRequest body, UriInfo uri,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        HouseholdChanges.Added added = household.addMember(caseId, body.toInput(), ifMatch);
        return Response.created(uri.getAbsolutePathBuilder().path(added.member().id().toString()).build())
                .tag(Versions.etag(added.familyCase().version()))
                .entity(new AddedView(MemberView.of(added.member()), added.duplicateWarnings())).build();
    }

    @PUT
    @Path("/{memberId}")
    @Operation(summary = "Correct a person's details (audited)",
            description = "Replaces the person's details. A changed role, sex or age group is published; names are not.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "corrected", value = GRANDMOTHER)))
    @APIResponse(responseCode = "200", description = "The case as it is now",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    public Response correctMember(@PathParam("memberId") UUID memberId, @Valid @NotNull MemberRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        var familyCase = household.correctMember(caseId, memberId, body.toInput(), ifMatch);
        return Response.ok(CaseView.of(familyCase)).tag(Versions.etag(familyCase.version())).build();
    }
}
