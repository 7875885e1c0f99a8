package ba.refnet.registry.rest;

import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import ba.refnet.registry.domain.Network;
import ba.refnet.registry.rest.OrganizationDtos.MembershipRequest;
import ba.refnet.registry.rest.OrganizationDtos.NetworkRequest;
import ba.refnet.registry.rest.OrganizationDtos.NetworkView;
import ba.refnet.registry.rest.OrganizationDtos.OrganizationView;
import ba.refnet.registry.service.Networks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/networks")
@Tag(name = "Networks", description = "Networks and working groups, and who is in them")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NetworkResource {

    @Inject
    Networks networks;

    @POST
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "Create a network or working group (network administrators)",
            description = "The coordinating organisation becomes its first member.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "zajednicka-prica", value = """
            {"name": "Zajednička priča", "kind": "informal_network", "description": "Mreža organizacija za podršku porodicama",
             "municipalityCode": "10705", "coordinatingOrganizationId": "0a000000-0000-4000-8000-000000000002"}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = NetworkView.class)))
    public Response createNetwork(@Valid @NotNull NetworkRequest body, UriInfo uri) {
        Network network = networks.create(body.toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(network.id().toString()).build())
                .tag(Versions.etag(network.version())).entity(NetworkView.of(network)).build();
    }

    @GET
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "All networks and working groups")
    @APIResponse(responseCode = "200", description = "By name")
    public List<NetworkView> listNetworks() {
        return networks.all().stream().map(NetworkView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "Read one network with its members")
    @APIResponse(responseCode = "200", description = "The network; ETag carries its version",
            content = @Content(schema = @Schema(implementation = NetworkView.class)))
    public Response getNetwork(@PathParam("id") UUID id) {
        return current(networks.network(id));
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "The directory of a network's member organisations")
    @APIResponse(responseCode = "200", description = "Organisations by name")
    public List<OrganizationView> listNetworkMembers(@PathParam("id") UUID id) {
        return networks.members(id).stream().map(OrganizationView::of).toList();
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "Admit an organisation to the network (network administrators)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "school", value = """
            {"organizationId": "0a000000-0000-4000-8000-000000000004", "joinedOn": "2026-11-01"}""")))
    @APIResponse(responseCode = "200", description = "Admitted", content = @Content(schema = @Schema(implementation = NetworkView.class)))
    @APIResponse(responseCode = "409", description = "Already a member")
    public Response admitMember(@PathParam("id") UUID id, @Valid @NotNull MembershipRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(networks.admit(id, body.organizationId(), body.joinedOn(), ifMatch));
    }

    @DELETE
    @Path("/{id}/members/{organizationId}")
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "An organisation leaves the network (network administrators)")
    @APIResponse(responseCode = "200", description = "Left", content = @Content(schema = @Schema(implementation = NetworkView.class)))
    @APIResponse(responseCode = "409", description = "Not a member, or the coordinator")
    public Response releaseMember(@PathParam("id") UUID id, @PathParam("organizationId") UUID organizationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(networks.release(id, organizationId, ifMatch));
    }

    private static Response current(Network network) {
        return Response.ok(NetworkView.of(network)).tag(Versions.etag(network.version())).build();
    }
}
