package ba.refnet.cases.rest;

import ba.refnet.cases.domain.Assessment;
import ba.refnet.cases.domain.CaseNote;
import ba.refnet.cases.domain.CaseTransition;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.PlanItem;
import ba.refnet.cases.rest.CaseDtos.CaseView;
import ba.refnet.cases.rest.CaseDtos.ContactRequest;
import ba.refnet.cases.service.CaseManagement;
import ba.refnet.cases.service.HouseholdChanges;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
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

@Path("/cases/{id}")
@Tag(name = "Case management", description = "Intake → assessment → planning → active → review → closed, and reopening")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
public class CaseManagementResource {

    @Inject
    CaseManagement management;

    @Inject
    HouseholdChanges household;

    @PathParam("id")
    UUID id;

    @Schema(name = "CaseStatusStep")
    public record StatusRequest(@NotBlank @Schema(description = "assessment, planning, active or review") String status,
            @Size(max = 2000) String note) {
    }

    @Schema(name = "CaseClosure")
    public record CloseRequest(@NotBlank @Schema(description = "goals_achieved, transferred, moved_away, "
            + "no_longer_eligible, family_declined or other") String reasonCode, @Size(max = 2000) String note) {
    }

    @Schema(name = "CaseReopening")
    public record ReopenRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "CaseAssignment")
    public record AssignRequest(@NotBlank @Size(max = 100) @Schema(description = "The case worker's user name or id")
            String worker) {
    }

    @Schema(name = "AssessmentRecord")
    public record AssessmentRequest(@NotBlank @Size(max = 8000) String strengths, @NotBlank @Size(max = 8000) String risks,
            @NotNull @Size(max = 30) @Schema(description = "Support-type codes") List<@NotBlank String> needs,
            @Size(max = 8000) String summary) {
    }

    @Schema(name = "Assessment")
    public record AssessmentView(UUID id, String strengths, String risks, List<String> needs, String summary,
            String assessedBy, Instant assessedAt) {
        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id(), a.strengths(), a.risks(), a.needs(), a.summary(), a.assessedBy(),
                    a.assessedAt());
        }
    }

    @Schema(name = "PlanItemRecord")
    public record PlanItemRequest(@NotBlank @Size(max = 2000) String goal, @NotBlank @Size(max = 2000) String action,
            @NotNull UUID responsibleOrganizationId, @NotNull LocalDate dueDate) {
    }

    @Schema(name = "PlanItem")
    public record PlanItemView(UUID id, String goal, String action, UUID responsibleOrganizationId, LocalDate dueDate,
            boolean done) {
        static PlanItemView of(PlanItem p) {
            return new PlanItemView(p.id(), p.goal(), p.action(), p.responsibleOrganizationId(), p.dueDate(), p.done());
        }
    }

    @Schema(name = "CaseNoteRecord")
    public record NoteRequest(@NotBlank @Size(max = 8000) String text,
            @Schema(description = "team (default): the organisation's staff; author_only: only you") String visibility) {
    }

    @Schema(name = "CaseNote")
    public record NoteView(UUID id, String text, String visibility, String author, Instant at) {
        static NoteView of(CaseNote n) {
            return new NoteView(n.id(), n.text(), n.visibility().name().toLowerCase(), n.author(), n.at());
        }
    }

    @Schema(name = "CaseTransition")
    public record TransitionView(String from, String to, String actor, Instant at, String note) {
        static TransitionView of(CaseTransition t) {
            return new TransitionView(t.fromStatus().code(), t.toStatus().code(), t.actor(), t.at(), t.note());
        }
    }

    @POST
    @Path("/status")
    @Operation(summary = "Move the case to the next step of the process",
            description = "Planning needs an assessment; active work needs a plan. If-Match guards concurrent changes.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not a step from the current status")
    public Response moveCase(@Valid @NotNull StatusRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(management.move(id, body.status(), body.note(), ifMatch));
    }

    @POST
    @Path("/close")
    @Operation(summary = "Close the case with a reason")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Already closed")
    public Response closeCase(@Valid @NotNull CloseRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(management.close(id, body.reasonCode(), body.note(), ifMatch));
    }

    @POST
    @Path("/reopen")
    @Operation(summary = "Reopen a closed case for a new assessment")
    @APIResponse(responseCode = "200", description = "Reopened", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not closed")
    public Response reopenCase(@Valid @NotNull ReopenRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(management.reopen(id, body.reason(), ifMatch));
    }

    @PUT
    @Path("/assignment")
    @Operation(summary = "Assign the case to a case worker of your organisation")
    @APIResponse(responseCode = "200", description = "Assigned", content = @Content(schema = @Schema(implementation = CaseView.class)))
    public Response assignCase(@Valid @NotNull AssignRequest body) {
        return ok(management.assign(id, body.worker()));
    }

    @Schema(name = "CaseNeeds")
    public record NeedsRequest(
            @NotNull @Size(max = 30) @Schema(description = "Support-type codes of the registry's taxonomy")
            List<@NotBlank String> needs,
            @Size(max = 20) @Schema(description = "Vulnerability categories; left as they are when absent")
            List<@NotBlank String> vulnerabilities) {
    }

    @PUT
    @Path("/needs")
    @Operation(summary = "Replace the household's needs (and optionally its vulnerability categories)",
            description = "Published as case.needs-changed for reporting. If-Match guards concurrent changes.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "after-assessment", value = """
            {"needs": ["psychosocial.counselling", "educational", "material"], "vulnerabilities": ["risk_of_family_separation", "poverty"]}""")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = CaseView.class)))
    public Response changeNeeds(@Valid @NotNull NeedsRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(household.changeNeeds(id, body.needs(), body.vulnerabilities(), ifMatch));
    }

    @PUT
    @Path("/contact")
    @Operation(summary = "Replace how to reach the household (audited; never published)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "contact", value = """
            {"phone": "+387 36 123 456", "email": "porodica@example.ba", "address": "Maršala Tita 10, Mostar"}""")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = CaseView.class)))
    public Response changeContact(@Valid @NotNull ContactRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(household.changeContact(id, body.toContact(), ifMatch));
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every status step of the case: who, when, why (audited)")
    @APIResponse(responseCode = "200", description = "Oldest first")
    public List<TransitionView> caseHistory() {
        return management.history(id).stream().map(TransitionView::of).toList();
    }

    @POST
    @Path("/assessments")
    @Operation(summary = "Record an assessment: strengths, risks, needs")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    public Response assessCase(@Valid @NotNull AssessmentRequest body) {
        Assessment assessment = management.assess(id, body.strengths(), body.risks(), body.needs(), body.summary());
        return Response.status(Response.Status.CREATED).entity(AssessmentView.of(assessment)).build();
    }

    @GET
    @Path("/assessments")
    @Operation(summary = "The case's assessments, newest first (audited)")
    @APIResponse(responseCode = "200", description = "The assessments")
    public List<AssessmentView> listAssessments() {
        return management.assessments(id).stream().map(AssessmentView::of).toList();
    }

    @POST
    @Path("/plan")
    @Operation(summary = "Add a goal and action to the case plan, with the responsible organisation and due date")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = PlanItemView.class)))
    public Response addPlanItem(@Valid @NotNull PlanItemRequest body) {
        PlanItem item = management.plan(id, body.goal(), body.action(), body.responsibleOrganizationId(), body.dueDate());
        return Response.status(Response.Status.CREATED).entity(PlanItemView.of(item)).build();
    }

    @GET
    @Path("/plan")
    @Operation(summary = "The case plan, by due date (audited)")
    @APIResponse(responseCode = "200", description = "The plan")
    public List<PlanItemView> listPlan() {
        return management.plan(id).stream().map(PlanItemView::of).toList();
    }

    @POST
    @Path("/plan/{itemId}/done")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark a plan item done")
    @APIResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = PlanItemView.class)))
    public PlanItemView completePlanItem(@PathParam("itemId") UUID itemId) {
        return PlanItemView.of(management.planItemDone(id, itemId));
    }

    @POST
    @Path("/notes")
    @Operation(summary = "Write a case note (team, or author_only)")
    @APIResponse(responseCode = "201", description = "Written", content = @Content(schema = @Schema(implementation = NoteView.class)))
    public Response writeNote(@Valid @NotNull NoteRequest body) {
        CaseNote.Visibility visibility = body.visibility() == null ? CaseNote.Visibility.TEAM
                : Codes.parse(CaseNote.Visibility.class, body.visibility()).orElseThrow(() ->
                        new InvalidInputException("visibility", "must be team or author_only"));
        return Response.status(Response.Status.CREATED).entity(NoteView.of(management.note(id, body.text(), visibility)))
                .build();
    }

    @GET
    @Path("/notes")
    @Operation(summary = "The case notes you may read, oldest first (audited)")
    @APIResponse(responseCode = "200", description = "The notes")
    public List<NoteView> listNotes() {
        return management.notes(id).stream().map(NoteView::of).toList();
    }

    private static Response ok(FamilyCase familyCase) {
        return Response.ok(CaseView.of(familyCase)).tag(Versions.etag(familyCase.version())).build();
    }
}
