package ba.refnet.registry.rest;

import ba.refnet.chassis.problem.Problem;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.persistence.SupportTypeCatalog.SupportType;
import ba.refnet.registry.rest.OrganizationDtos.ServiceView;
import ba.refnet.registry.service.OrganizationDirectory;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Services", description = "What the network's organisations offer")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
public class ServiceResource {

    @Inject
    OrganizationDirectory directory;

    @GET
    @Path("services/{id}")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN, Roles.CASE_WORKER, Roles.COORDINATOR, Roles.ANALYST,
            Roles.PARTNER_SYSTEM})
    @Operation(summary = "Read one service")
    @APIResponse(responseCode = "200", description = "The service; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getService(@PathParam("id") UUID id) {
        HumanService service = directory.service(id);
        return Response.ok(ServiceView.of(service)).tag(Versions.etag(service.version())).build();
    }

    @GET
    @Path("support-types")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN, Roles.CASE_WORKER, Roles.COORDINATOR, Roles.ANALYST,
            Roles.PARTNER_SYSTEM})
    @Operation(summary = "The support-type taxonomy (codes used by services, cases and referrals)")
    @APIResponse(responseCode = "200", description = "All support types, children naming their parent")
    public List<SupportType> listSupportTypes() {
        return directory.supportTypes();
    }
}
