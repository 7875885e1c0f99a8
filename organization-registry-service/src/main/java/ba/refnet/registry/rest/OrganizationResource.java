package ba.refnet.registry.rest;

import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.rest.OrganizationDtos.MemorandumView;
import ba.refnet.registry.rest.OrganizationDtos.NetworkView;
import ba.refnet.registry.rest.OrganizationDtos.OrganizationRequest;
import ba.refnet.registry.rest.OrganizationDtos.OrganizationView;
import ba.refnet.registry.rest.OrganizationDtos.ServiceRequest;
import ba.refnet.registry.rest.OrganizationDtos.ServiceView;
import ba.refnet.registry.service.DirectorySearch;
import ba.refnet.registry.service.Networks;
import ba.refnet.registry.service.OrganizationDirectory;
import ba.refnet.registry.service.ServiceCatalogue;
import ba.refnet.chassis.time.NetworkTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/organizations")
@Tag(name = "Organisations", description = "The network directory: who is in the network")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    public static final String CSR = """
            {"name": "JU Centar za socijalni rad Mostar", "alternateNames": ["CSR Mostar", "Центар за социјални рад Мостар"],
             "legalForm": "centre_for_social_work", "registrationNumber": "1-1234/05", "taxId": "4227000000001",
             "description": "Javna ustanova socijalne zaštite za Grad Mostar", "website": "https://csr-mostar.example.ba",
             "email": "csr@mostar.example.ba", "phones": [{"number": "+387 36 555 100", "type": "voice"}],
             "municipalityCode": "10705",
             "locations": [{"name": "Sjedište", "street": "Maršala Tita 53", "city": "Mostar", "postalCode": "88000",
               "municipalityCode": "10705", "latitude": 43.3438, "longitude": 17.8078,
               "accessibility": "Ulaz bez stepenica", "schedule": [{"weekday": "mo", "opens": "08:00", "closes": "16:00"}]}]}""";

    @Inject
    NetworkTime time;

    @Inject
    OrganizationDirectory directory;

    @Inject
    ServiceCatalogue catalogue;

    @Inject
    DirectorySearch search;

    @Inject
    Networks networks;

    @POST
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "Register an organisation in the directory (network administrators)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "csr", value = CSR)))
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "409", description = "Id, registration number or tax number already registered")
    public Response registerOrganization(@Valid @NotNull OrganizationRequest body, UriInfo uri) {
        Organization organization = directory.register(body.id(), body.toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(organization.id().toString()).build())
                .tag(Versions.etag(organization.version())).entity(OrganizationView.of(organization)).build();
    }

    @GET
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "Search organisations by name, other names and description (any script, with or without "
            + "diacritics), ranked")
    @APIResponse(responseCode = "200", description = "One page of organisations")
    public Page<OrganizationView> listOrganizations(@QueryParam("q") String text, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return search.organizations(text, null, PageRequest.of(page, size)).map(OrganizationView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "Read one organisation")
    @APIResponse(responseCode = "200", description = "The organisation; ETag carries its version",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response getOrganization(@PathParam("id") UUID id) {
        return current(directory.organization(id), Response.Status.OK);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN})
    @Operation(summary = "Replace an organisation's entry (its own administrators, or network administrators)",
            description = "If-Match with the ETag read before guards against overwriting someone else's change.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "csr", value = CSR)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "409", description = "Registration or tax number of another organisation")
    public Response updateOrganization(@PathParam("id") UUID id, @Valid @NotNull OrganizationRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(directory.update(id, body.toInput(), ifMatch), Response.Status.OK);
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.NETWORK_ADMIN)
    @Operation(summary = "Deactivate an organisation that left the network (network administrators)",
            description = "Its entry stays for history; its services no longer appear in searches.")
    @APIResponse(responseCode = "200", description = "Deactivated", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "409", description = "Already deactivated")
    public Response deactivateOrganization(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(directory.deactivate(id, ifMatch), Response.Status.OK);
    }

    @POST
    @Path("/{id}/services")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN})
    @Operation(summary = "Add a service to an organisation (its own administrators, or network administrators)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "counselling", value = ServiceResource.COUNSELLING)))
    @APIResponse(responseCode = "201", description = "Added; Location names the service",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    public Response addService(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest body, UriInfo uri) {
        HumanService service = catalogue.add(id, body.toInput(), body.intakeStatus(), body.freePlaces());
        return Response.created(uri.getBaseUriBuilder().path("services").path(service.id().toString()).build())
                .tag(Versions.etag(service.version())).entity(ServiceView.of(service)).build();
    }

    @GET
    @Path("/{id}/services")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "List the services of an organisation, withdrawn ones included")
    @APIResponse(responseCode = "200", description = "One page of services")
    public Page<ServiceView> listOrganizationServices(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return catalogue.services(id, PageRequest.of(page, size)).map(ServiceView::of);
    }

    @GET
    @Path("/{id}/networks")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "The networks and working groups an organisation belongs to")
    @APIResponse(responseCode = "200", description = "Networks by name")
    public List<NetworkView> listOrganizationNetworks(@PathParam("id") UUID id) {
        return networks.networksOf(id).stream().map(NetworkView::of).toList();
    }

    @GET
    @Path("/{id}/memoranda")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "The memoranda an organisation signed")
    @APIResponse(responseCode = "200", description = "Memoranda by title")
    public List<MemorandumView> listOrganizationMemoranda(@PathParam("id") UUID id) {
        return networks.memoranda(id).stream().map(m -> MemorandumView.of(m, time.today())).toList();
    }

    private static Response current(Organization organization, Response.Status status) {
        return Response.status(status).entity(OrganizationView.of(organization))
                .tag(Versions.etag(organization.version())).build();
    }
}
