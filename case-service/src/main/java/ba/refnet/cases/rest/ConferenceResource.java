package ba.refnet.cases.rest;

import ba.refnet.cases.domain.FamilyConference;
import ba.refnet.cases.domain.FamilyConference.Participants;
import ba.refnet.cases.service.ConferenceRecords;
import ba.refnet.cases.service.ConferenceRecords.NewConference;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
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

@Path("/cases/{id}/conferences")
@Tag(name = "Family group conferences", description = "Porodične grupne konferencije held on a case")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
public class ConferenceResource {

    @Inject
    ConferenceRecords conferences;

    @Schema(name = "ConferenceRecord")
    public record ConferenceRequest(@NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String coordinator,
            @Min(0) @Max(200) int children, @Min(0) @Max(200) int parents, @Min(0) @Max(200) int extendedFamily,
            @Min(0) @Max(200) int professionals, @Size(max = 8000) String decisions,
            @Size(max = 8000) String familyPlan, LocalDate followUpOn,
            @NotBlank @Schema(description = "plan_agreed, partial_agreement, no_agreement or postponed") String outcome) {
    }

    @Schema(name = "ConferenceDropOut")
    public record DropOutRequest(@NotBlank @Schema(description = "family_withdrew, could_not_contact, moved_away or "
            + "other") String reasonCode) {
    }

    @Schema(name = "Conference")
    public record ConferenceView(UUID id, LocalDate heldOn, String coordinator, int children, int parents,
            int extendedFamily, int professionals, String decisions, String familyPlan, LocalDate followUpOn,
            String outcome, boolean droppedOut, String dropOutReason) {
        static ConferenceView of(FamilyConference c) {
            Participants p = c.participants();
            return new ConferenceView(c.id(), c.heldOn(), c.coordinator(), p.children(), p.parents(),
                    p.extendedFamily(), p.professionals(), c.decisions(), c.familyPlan(), c.followUpOn(),
                    FamilyConference.code(c.outcome()), c.droppedOut(), FamilyConference.code(c.dropOutReason()));
        }
    }

    @POST
    @Operation(summary = "Record a family group conference held on the case")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "conference", value = """
            {"heldOn": "2026-11-20", "coordinator": "Nermina Konferić", "children": 2, "parents": 2,
             "extendedFamily": 5, "professionals": 2, "decisions": "Baka preuzima brigu popodne",
             "familyPlan": "Raspored brige o djeci", "followUpOn": "2026-12-20", "outcome": "plan_agreed"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConferenceView.class)))
    public Response recordConference(@PathParam("id") UUID caseId, @Valid @NotNull ConferenceRequest body) {
        FamilyConference conference = conferences.record(caseId, new NewConference(body.heldOn(), body.coordinator(),
                new Participants(body.children(), body.parents(), body.extendedFamily(), body.professionals()),
                body.decisions(), body.familyPlan(), body.followUpOn(), body.outcome()));
        return Response.status(Response.Status.CREATED).entity(ConferenceView.of(conference)).build();
    }

    @GET
    @Operation(summary = "The conferences of the case, oldest first (audited)")
    @APIResponse(responseCode = "200", description = "The conferences")
    public List<ConferenceView> listConferences(@PathParam("id") UUID caseId) {
        return conferences.of(caseId).stream().map(ConferenceView::of).toList();
    }

    @POST
    @Path("/{conferenceId}/drop-out")
    @Operation(summary = "Record that the family dropped out of the programme")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConferenceView.class)))
    @APIResponse(responseCode = "409", description = "Already recorded")
    public ConferenceView recordDropOut(@PathParam("id") UUID caseId, @PathParam("conferenceId") UUID conferenceId,
            @Valid @NotNull DropOutRequest body) {
        return ConferenceView.of(conferences.dropOut(caseId, conferenceId, body.reasonCode()));
    }
}
