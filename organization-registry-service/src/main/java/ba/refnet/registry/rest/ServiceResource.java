package ba.refnet.registry.rest;

import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.QueryParams;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.rest.OrganizationDtos.IntakeRequest;
import ba.refnet.registry.rest.OrganizationDtos.ServiceRequest;
import ba.refnet.registry.rest.OrganizationDtos.ServiceView;
import ba.refnet.registry.service.DirectorySearch;
import ba.refnet.registry.service.DirectorySearch.ServiceCriteria;
import ba.refnet.registry.service.ServiceCatalogue;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/services")
@Tag(name = "Services", description = "What the network's organisations offer, and where to refer a family")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceResource {

    public static final String COUNSELLING = """
            {"name": "Savjetovanje za roditelje i djecu", "description": "Individualno i porodično savjetovanje",
             "supportTypes": ["psychosocial.counselling"], "targetGroups": ["children", "families_at_risk_of_separation"],
             "minimumAge": 6, "maximumAge": 18, "eligibility": "Porodice s djecom iz Hercegovačko-neretvanskog kantona",
             "languages": ["bs", "hr", "sr"], "fees": "Besplatno", "howToApply": "Uputnica CSR-a ili poziv na broj 036 555 200",
             "areaCodes": ["BA-07"], "contacts": [{"name": "Prijem uputnica", "email": "prijem@savjetovaliste.example.ba",
             "phone": "+387 36 555 200", "referralIntake": true}], "intakeStatus": "accepting", "freePlaces": 4}""";

    @Inject
    ServiceCatalogue catalogue;

    @Inject
    DirectorySearch search;

    @GET
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "Find where to refer: search services, ranked",
            description = "Every filter optional. Text matches names, descriptions and the organisation's name in any "
                    + "script, with or without diacritics. A support type includes the types below it; a municipality "
                    + "finds services whose area covers it. Withdrawn services and deactivated organisations are left out.")
    @APIResponse(responseCode = "200", description = "One page of services, best match first")
    public Page<ServiceView> searchServices(@QueryParam("q") String text,
            @Parameter(description = "Support-type code, e.g. psychosocial") @QueryParam("supportType") String supportType,
            @Parameter(description = "Municipality code the service area must cover") @QueryParam("municipality") String municipality,
            @QueryParam("targetGroup") String targetGroup,
            @Parameter(description = "Age of the person, in years") @QueryParam("age") Integer age,
            @Parameter(description = "Language code, e.g. rom") @QueryParam("language") String language,
            @Parameter(description = "accepting, waitlist or not_accepting") @QueryParam("intake") String intake,
            @QueryParam("organizationId") String organizationId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return search.services(new ServiceCriteria(text, QueryParams.text(supportType), QueryParams.text(municipality),
                QueryParams.text(targetGroup), age, QueryParams.text(language), QueryParams.text(intake),
                QueryParams.uuid("organizationId", organizationId), null, false), PageRequest.of(page, size))
                .map(ServiceView::hit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ANY_MEMBER)
    @Operation(summary = "Read one service")
    @APIResponse(responseCode = "200", description = "The service; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    public Response getService(@PathParam("id") UUID id) {
        return current(catalogue.service(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN})
    @Operation(summary = "Replace a service's description (its organisation's administrators, or network administrators)",
            description = "intakeStatus and freePlaces are changed with PUT /services/{id}/intake.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "counselling", value = COUNSELLING)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "409", description = "The service was withdrawn")
    public Response updateService(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(catalogue.update(id, body.toInput(), ifMatch));
    }

    @PUT
    @Path("/{id}/intake")
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN, Roles.PARTNER_SYSTEM})
    @Operation(summary = "Open or close the service to referrals, with the free places",
            description = "Partner systems of the organisation may keep this current from their own records.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "waitlist", value = """
            {"intakeStatus": "waitlist", "freePlaces": 0}""")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "409", description = "The service was withdrawn")
    public Response changeIntake(@PathParam("id") UUID id, @Valid @NotNull IntakeRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(catalogue.changeIntake(id, body.intakeStatus(), body.freePlaces(), ifMatch));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.NETWORK_ADMIN, Roles.ORG_ADMIN})
    @Operation(summary = "Withdraw a service from the directory",
            description = "It stays readable for the referrals that name it, takes no new ones and leaves searches.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn")
    public Response withdrawService(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(catalogue.withdraw(id, ifMatch));
    }

    private static Response current(HumanService service) {
        return Response.ok(ServiceView.of(service)).tag(Versions.etag(service.version())).build();
    }
}
