package ba.refnet.registry.rest;

import ba.refnet.chassis.problem.Problem;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.rest.OrganizationDtos.OrganizationRegistration;
import ba.refnet.registry.rest.OrganizationDtos.OrganizationView;
import ba.refnet.registry.rest.OrganizationDtos.ServiceRegistration;
import ba.refnet.registry.rest.OrganizationDtos.ServiceView;
import ba.refnet.registry.service.OrganizationDirectory;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/organizations")
@Tag(name = "Organisations", description = "The network directory: who is in the network")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
public class OrganizationResource {

    @Inject
    OrganizationDirectory directory;

    @POST
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "Register an organisation in the directory")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "csr", value = """
            {"name": "JU Centar za socijalni rad Mostar", "legalForm": "centre_for_social_work",
             "municipalityCode": "10705", "email": "csr@mostar.example", "registrationNumber": "4227000000001"}""")))
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a network administrator")
    @APIResponse(responseCode = "409", description = "Registration number already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response registerOrganization(@Valid @NotNull OrganizationRegistration body, UriInfo uri) {
        Organization organization = directory.register(body.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(organization.id().toString()).build())
                .tag(Versions.etag(organization.version()))
                .entity(OrganizationView.of(organization))
                .build();
    }

    @GET
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN, Roles.CASE_WORKER, Roles.COORDINATOR, Roles.ANALYST,
            Roles.PARTNER_SYSTEM})
    @Operation(summary = "List organisations, optionally by part of the name")
    @APIResponse(responseCode = "200", description = "One page of organisations")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<OrganizationView> listOrganizations(@QueryParam("q") String nameContains, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return directory.organizations(nameContains, PageRequest.of(page, size)).map(OrganizationView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN, Roles.CASE_WORKER, Roles.COORDINATOR, Roles.ANALYST,
            Roles.PARTNER_SYSTEM})
    @Operation(summary = "Read one organisation")
    @APIResponse(responseCode = "200", description = "The organisation; ETag carries its version",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getOrganization(@PathParam("id") UUID id) {
        Organization organization = directory.organization(id);
        return Response.ok(OrganizationView.of(organization)).tag(Versions.etag(organization.version())).build();
    }

    @POST
    @Path("/{id}/services")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN})
    @Operation(summary = "Add a service to an organisation",
            description = "Organisation administrators may add services to their own organisation only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "counselling", value = """
            {"name": "Savjetovanje za roditelje i djecu", "description": "Individualno i porodično savjetovanje",
             "supportTypes": ["psychosocial.counselling"], "intakeStatus": "accepting"}""")))
    @APIResponse(responseCode = "201", description = "Added; Location names the service",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or unknown support type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not your organisation, or wrong role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addService(@PathParam("id") UUID id, @Valid @NotNull ServiceRegistration body, UriInfo uri) {
        HumanService service = directory.addService(id, body.toCommand());
        return Response.created(uri.getBaseUriBuilder().path("services").path(service.id().toString()).build())
                .tag(Versions.etag(service.version()))
                .entity(ServiceView.of(service))
                .build();
    }

    @GET
    @Path("/{id}/services")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN, Roles.CASE_WORKER, Roles.COORDINATOR, Roles.ANALYST,
            Roles.PARTNER_SYSTEM})
    @Operation(summary = "List the services of an organisation")
    @APIResponse(responseCode = "200", description = "One page of services")
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ServiceView> listOrganizationServices(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return directory.services(id, PageRequest.of(page, size)).map(ServiceView::of);
    }
}
