package ba.refnet.cases.rest;

import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.rest.CaseDtos.CaseIntakeRequest;
import ba.refnet.cases.rest.CaseDtos.CaseView;
import ba.refnet.cases.rest.CaseDtos.MemberRequest;
import ba.refnet.cases.service.CaseIntake;
import ba.refnet.cases.service.CaseReferrals;
import ba.refnet.cases.service.DuplicateFinder;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/cases")
@Tag(name = "Cases", description = "Intake and case management of families and persons at risk")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
public class CaseResource {

    @Inject
    CaseIntake intake;

    @Inject
    CaseReferrals caseReferrals;

    @POST
    @Operation(summary = "Open a case for a family or a person",
            description = "The case belongs to the caller's organisation (the token's org_id).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "family", value = """
            {"municipalityCode": "10705", "vulnerabilities": ["risk_of_family_separation"],
             "members": [
               {"role": "parent_or_guardian", "givenName": "Amra", "familyName": "Hodžić", "sex": "female", "birthDate": "1988-03-14"},
               {"role": "child", "givenName": "Emir", "familyName": "Hodžić", "sex": "male", "birthDate": "2015-09-02"}]}""")))
    @APIResponse(responseCode = "201", description = "Opened; Location names the case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    public Response openCase(@Valid @NotNull CaseIntakeRequest body, UriInfo uri) {
        CaseIntake.Opened opened = intake.open(body.toCommand());
        FamilyCase familyCase = opened.familyCase();
        return Response.created(uri.getAbsolutePathBuilder().path(familyCase.id().toString()).build())
                .tag(Versions.etag(familyCase.version()))
                .entity(CaseView.of(familyCase, opened.duplicateWarnings()))
                .build();
    }

    @Schema(name = "DuplicateCheck")
    public record DuplicateCheckRequest(@NotNull @jakarta.validation.constraints.NotEmpty
            @jakarta.validation.constraints.Size(max = 30) List<@Valid @NotNull MemberRequest> members) {
    }

    @POST
    @Path("/duplicate-check")
    @Operation(summary = "Check whether the people of an intake are already registered, without opening a case",
            description = "Same identity number, or same name and date of birth whatever the script and diacritics. "
                    + "Another organisation's case is named only by its organisation.")
    @APIResponse(responseCode = "200", description = "The warnings (empty when nobody matches)")
    public List<DuplicateFinder.Warning> checkDuplicates(@Valid @NotNull DuplicateCheckRequest body) {
        return intake.duplicateCheck(body.members().stream().map(MemberRequest::toInput).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a case of your organisation (audited)")
    @APIResponse(responseCode = "200", description = "The case; ETag carries its version",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    public Response getCase(@PathParam("id") UUID id) {
        FamilyCase familyCase = intake.read(id, "case management");
        return Response.ok(CaseView.of(familyCase)).tag(Versions.etag(familyCase.version())).build();
    }

    @GET
    @Path("/{id}/referrals")
    @Operation(summary = "Where the referrals of this case stand: status, reason, outcome (audited)",
            description = "Follows the referral service's events; the loop closes here for the case worker.")
    @APIResponse(responseCode = "200", description = "The case's referrals, oldest first")
    public List<CaseReferrals.CaseReferral> listCaseReferrals(@PathParam("id") UUID id) {
        return caseReferrals.of(id);
    }

    @GET
    @Operation(summary = "List your organisation's cases, newest first (audited)")
    @APIResponse(responseCode = "200", description = "One page of cases")
    public Page<CaseView> listCases(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return intake.ownCases(PageRequest.of(page, size)).map(CaseView::of);
    }
}
