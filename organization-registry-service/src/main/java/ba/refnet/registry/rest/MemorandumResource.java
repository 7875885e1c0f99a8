package ba.refnet.registry.rest;

import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import ba.refnet.registry.domain.Memorandum;
import ba.refnet.registry.rest.OrganizationDtos.MemorandumRequest;
import ba.refnet.registry.rest.OrganizationDtos.MemorandumView;
import ba.refnet.registry.rest.OrganizationDtos.OrganizationView;
import ba.refnet.registry.rest.OrganizationDtos.SignRequest;
import ba.refnet.registry.service.Networks;
import ba.refnet.chassis.time.NetworkTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

@Path("/memoranda")
@Tag(name = "Memoranda", description = "Agreements of cooperation and their signatories")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemorandumResource {

    @Inject
    NetworkTime time;

    @Inject
    Networks networks;

    @POST
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "Record a memorandum (network administrators)",
            description = "Two signatories make it bilateral, more multilateral. With signedOn it is signed (and "
                    + "published), without it a draft.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "network-memorandum", value = """
            {"title": "Memorandum o saradnji na zaštiti djece", "subject": "Upućivanje i razmjena informacija",
             "signatoryOrganizationIds": ["0a000000-0000-4000-8000-000000000001", "0a000000-0000-4000-8000-000000000002"],
             "signedOn": "2026-11-01", "validUntil": "2029-11-01"}""")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = MemorandumView.class)))
    public Response recordMemorandum(@Valid @NotNull MemorandumRequest body, UriInfo uri) {
        Memorandum memorandum = networks.record(body.toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(memorandum.id().toString()).build())
                .tag(Versions.etag(memorandum.version())).entity(MemorandumView.of(memorandum, time.today())).build();
    }

    @GET
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "All memoranda")
    @APIResponse(responseCode = "200", description = "By title")
    public List<MemorandumView> listMemoranda() {
        return networks.memoranda(null).stream().map(m -> MemorandumView.of(m, time.today())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "Read one memorandum")
    @APIResponse(responseCode = "200", description = "The memorandum", content = @Content(schema = @Schema(implementation = MemorandumView.class)))
    public Response getMemorandum(@PathParam("id") UUID id) {
        return current(networks.memorandum(id));
    }

    @GET
    @Path("/{id}/signatories")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "The directory of a memorandum's signatories")
    @APIResponse(responseCode = "200", description = "Organisations by name")
    public List<OrganizationView> listSignatories(@PathParam("id") UUID id) {
        return networks.signatories(id).stream().map(OrganizationView::of).toList();
    }

    @POST
    @Path("/{id}/sign")
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "Record that a draft memorandum was signed (network administrators)")
    @APIResponse(responseCode = "200", description = "Signed", content = @Content(schema = @Schema(implementation = MemorandumView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    public Response signMemorandum(@PathParam("id") UUID id, @Valid @NotNull SignRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(networks.sign(id, body.signedOn(), ifMatch));
    }

    @POST
    @Path("/{id}/terminate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "End a signed memorandum early (network administrators)")
    @APIResponse(responseCode = "200", description = "Terminated", content = @Content(schema = @Schema(implementation = MemorandumView.class)))
    @APIResponse(responseCode = "409", description = "Not signed")
    public Response terminateMemorandum(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(networks.terminate(id, ifMatch));
    }

    private Response current(Memorandum memorandum) {
        return Response.ok(MemorandumView.of(memorandum, time.today())).tag(Versions.etag(memorandum.version())).build();
    }
}
