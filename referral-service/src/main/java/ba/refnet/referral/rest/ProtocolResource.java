package ba.refnet.referral.rest;

import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import ba.refnet.referral.domain.Protocol;
import ba.refnet.referral.domain.ProtocolStep;
import ba.refnet.referral.service.ProtocolCatalog;
import ba.refnet.referral.service.ProtocolCatalog.NewProtocol;
import ba.refnet.referral.service.ProtocolCatalog.NewStep;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

@Path("/protocols")
@Tag(name = "Protocols", description = "Written protocols as data: triggering category, required times, coordinator")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProtocolResource {

    @Inject
    ProtocolCatalog catalog;

    @Schema(name = "ProtocolDefinition")
    public record ProtocolRequest(
            @NotBlank @Size(max = 300) String name,
            @Pattern(regexp = "^[0-9]{3,6}$", message = "must be an official municipality code (3 to 6 digits)")
            String municipalityCode,
            @NotBlank @Size(max = 64) @Schema(description = "The case vulnerability category that triggers it")
            String triggerCategory,
            @Schema(description = "The working group's coordinating organisation; default: yours")
            UUID coordinatorOrganizationId,
            @Min(0) @Max(720) @Schema(description = "Hours after an overdue deadline until it is escalated; default 24")
            Integer escalateAfterHours,
            @NotNull @NotEmpty @Size(max = 3) List<@Valid @NotNull StepRequest> steps) {

        NewProtocol toCommand() {
            return new NewProtocol(name, municipalityCode, triggerCategory, coordinatorOrganizationId,
                    escalateAfterHours, steps.stream().map(s -> new NewStep(s.deadline(), s.responsibleLegalForm(),
                            s.dueHours())).toList());
        }
    }

    @Schema(name = "ProtocolStepDefinition")
    public record StepRequest(
            @NotBlank @Schema(description = "acknowledge, first_contact or plan") String deadline,
            @Size(max = 40) @Schema(description = "Legal form of the organisation responsible, e.g. "
                    + "centre_for_social_work") String responsibleLegalForm,
            @Min(1) @Max(8760) int dueHours) {
    }

    @Schema(name = "Protocol")
    public record ProtocolView(UUID id, String name, String municipalityCode, String triggerCategory,
            UUID coordinatorOrganizationId, int escalateAfterHours, boolean active, List<StepView> steps, long version) {
        static ProtocolView of(Protocol p) {
            return new ProtocolView(p.id(), p.name(), p.municipalityCode(), p.triggerCategory(),
                    p.coordinatorOrganizationId(), p.escalateAfterHours(), p.active(),
                    p.steps().stream().map(StepView::of).toList(), p.version());
        }
    }

    @Schema(name = "ProtocolStep")
    public record StepView(String deadline, String responsibleLegalForm, int dueHours) {
        static StepView of(ProtocolStep s) {
            return new StepView(s.deadline().code(), s.responsibleLegalForm(), s.dueHours());
        }
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.NETWORK_ADMIN})
    @Operation(summary = "Define a protocol for a working group")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "begging", value = """
            {"name": "Protokol o zaštiti djece zatečene u prosjačenju – Bijeljina", "municipalityCode": "20010",
             "triggerCategory": "child_found_begging", "escalateAfterHours": 24,
             "steps": [{"deadline": "acknowledge", "responsibleLegalForm": "centre_for_social_work", "dueHours": 24},
                       {"deadline": "first_contact", "responsibleLegalForm": "centre_for_social_work", "dueHours": 72},
                       {"deadline": "plan", "responsibleLegalForm": "centre_for_social_work", "dueHours": 168}]}""")))
    @APIResponse(responseCode = "201", description = "Defined",
            content = @Content(schema = @Schema(implementation = ProtocolView.class)))
    @APIResponse(responseCode = "403", description = "Not a coordinator, or another organisation's working group")
    public Response defineProtocol(@Valid @NotNull ProtocolRequest body, UriInfo uri) {
        Protocol protocol = catalog.define(body.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(protocol.id().toString()).build())
                .tag(Versions.etag(protocol.version())).entity(ProtocolView.of(protocol)).build();
    }

    @GET
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "List protocols")
    @APIResponse(responseCode = "200", description = "One page of protocols")
    public Page<ProtocolView> listProtocols(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return catalog.protocols(PageRequest.of(page, size)).map(ProtocolView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "Read a protocol")
    @APIResponse(responseCode = "200", description = "The protocol",
            content = @Content(schema = @Schema(implementation = ProtocolView.class)))
    public ProtocolView getProtocol(@PathParam("id") UUID id) {
        return ProtocolView.of(catalog.protocol(id));
    }
}
