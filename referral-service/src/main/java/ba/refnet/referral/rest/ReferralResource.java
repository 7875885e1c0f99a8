package ba.refnet.referral.rest;

import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.QueryParams;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.rest.ReferralDtos.ReferralRequest;
import ba.refnet.referral.rest.ReferralDtos.ReferralView;
import ba.refnet.referral.service.ReferralAccess;
import ba.refnet.referral.service.ReferralCounts;
import ba.refnet.referral.service.ReferralDesk;
import ba.refnet.referral.service.ReferralSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

@Path("/referrals")
@Tag(name = "Referrals", description = "Closed-loop referrals between organisations")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
@APIResponse(responseCode = "403", description = "Wrong role, or not your organisation's part of the referral")
public class ReferralResource {

    @Inject
    CallerContext caller;

    @Inject
    ReferralDesk desk;

    @Inject
    ReferralAccess access;

    @Inject
    ReferralSearch search;

    @Inject
    ReferralCounts counts;

    @POST
    @Operation(summary = "Refer (members of) one of your cases to another organisation's service")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "counselling", value = """
            {"caseId": "9b2e7c1a-4d3f-4e5a-9b6c-1d2e3f4a5b6c", "serviceId": "0c7f5d0e-8d7a-4c0e-9d5e-3f1b2b0e6a01",
             "priority": "urgent", "reason": "Porodica traži savjetovanje nakon razvoda."}""")))
    @APIResponse(responseCode = "201", description = "Sent (status requested); Location names it",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, unknown case or service")
    @APIResponse(responseCode = "409", description = "The service does not take referrals now, or the Idempotency-Key "
            + "was used for another request")
    public Response requestReferral(@Valid @NotNull ReferralRequest body,
            @Parameter(description = "Makes a retried create safe: the same key and body return the first result")
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Pattern(regexp = "^[\\x21-\\x7E]+$",
                    message = "must be printable ASCII without spaces") String idempotencyKey,
            UriInfo uri) {
        ReferralDesk.Created created = desk.request(body.toCommand(), idempotencyKey);
        Referral referral = created.referral();
        return Response.created(uri.getAbsolutePathBuilder().path(referral.id().toString()).build())
                .tag(Versions.etag(referral.version()))
                .header("Idempotent-Replayed", created.replayed())
                .entity(ReferralView.of(referral, caller.organizationId().orElse(null)))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a referral your organisation sent or received, with its history")
    @APIResponse(responseCode = "200", description = "The referral; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public Response getReferral(@PathParam("id") UUID id) {
        Referral referral = access.read(id);
        return Response.ok(ReferralView.of(referral, caller.organizationId().orElse(null))).tag(Versions.etag(referral.version())).build();
    }

    @GET
    @Operation(summary = "Worklist: referrals your organisation received (incoming) or sent (outgoing)")
    @APIResponse(responseCode = "200", description = "One page of referrals, newest first")
    public Page<ReferralView> listReferrals(@QueryParam("direction") @DefaultValue("incoming") String direction,
            @Parameter(description = "Only these statuses (repeat or comma-separate), e.g. requested,accepted")
            @QueryParam("status") List<String> status,
            @Parameter(description = "routine, urgent or emergency") @QueryParam("priority") String priority,
            @QueryParam("serviceId") String serviceId,
            @Parameter(description = "Only referrals with a protocol deadline passed unmet")
            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        ReferralSearch.Filter filter = new ReferralSearch.Filter(WorklistFilters.direction(direction),
                WorklistFilters.statuses(status), WorklistFilters.priority(priority),
                QueryParams.uuid("serviceId", serviceId), overdue);
        return search.worklist(filter, PageRequest.of(page, size)).map(r -> ReferralView.of(r, caller.organizationId().orElse(null)));
    }

    @GET
    @Path("/counts")
    @Operation(summary = "What needs action: your referrals by status, and how many are overdue, incoming and outgoing")
    @APIResponse(responseCode = "200", description = "Counts by direction and status, plus overdue",
            content = @Content(examples = @ExampleObject(name = "counts", value = """
                    {"incoming": {"requested": 3, "accepted": 1, "in_progress": 2, "on_hold": 0, "completed": 7,
                                  "overdue": 1},
                     "outgoing": {"requested": 1, "accepted": 2, "completed": 4, "overdue": 0}}""")))
    public Map<String, Map<String, Long>> countReferrals() {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        counts.counts().forEach((direction, ofDirection) -> {
            Map<String, Long> flat = new LinkedHashMap<>();
            ofDirection.byStatus().forEach((status, count) -> flat.put(status.code(), count));
            flat.put("overdue", ofDirection.overdue());
            result.put(direction.name().toLowerCase(), flat);
        });
        return result;
    }
}
