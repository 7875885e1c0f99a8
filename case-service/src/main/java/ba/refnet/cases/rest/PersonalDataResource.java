package ba.refnet.cases.rest;

import ba.refnet.cases.rest.AuditResource.AuditView;
import ba.refnet.cases.rest.CaseDtos.CaseView;
import ba.refnet.cases.rest.CaseDtos.MemberView;
import ba.refnet.cases.rest.CaseManagementResource.AssessmentView;
import ba.refnet.cases.rest.CaseManagementResource.NoteView;
import ba.refnet.cases.rest.CaseManagementResource.PlanItemView;
import ba.refnet.cases.rest.ConferenceResource.ConferenceView;
import ba.refnet.cases.rest.ConsentResource.ConsentView;
import ba.refnet.cases.service.CaseReferrals;
import ba.refnet.cases.service.PersonalDataExport;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases/{id}/members/{memberId}/personal-data")
@Tag(name = "Privacy", description = "Data subjects' rights: access, and erasure by anonymisation")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.CASE_WORKER})
public class PersonalDataResource {

    @Inject
    PersonalDataExport export;

    @Schema(name = "PersonalData", description = "Everything held about one person, for a data subject access request")
    public record PersonalDataView(Instant exportedAt, MemberView person, CaseView household,
            List<ConsentView> consents, List<AssessmentView> assessments, List<PlanItemView> planItems,
            List<NoteView> notes, List<ConferenceView> conferences, List<CaseReferrals.CaseReferral> referrals,
            @Schema(description = "Who read or changed the case or the person, when and why") List<AuditView> accessLog) {
    }

    @GET
    @Operation(summary = "Export all data about a person (audited)",
            description = "For a data subject access request to the organisation that owns the case.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = PersonalDataView.class)))
    public PersonalDataView exportPersonalData(@PathParam("id") UUID caseId, @PathParam("memberId") UUID memberId) {
        PersonalDataExport.PersonalData data = export.export(caseId, memberId);
        return new PersonalDataView(data.exportedAt(), MemberView.of(data.person()), CaseView.of(data.household()),
                data.consents().stream().map(ConsentView::of).toList(),
                data.assessments().stream().map(AssessmentView::of).toList(),
                data.planItems().stream().map(PlanItemView::of).toList(),
                data.notes().stream().map(NoteView::of).toList(),
                data.conferences().stream().map(ConferenceView::of).toList(),
                data.referrals(), data.accessLog().stream().map(AuditView::of).toList());
    }
}
