package ba.refnet.referral.rest;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.QueryParams;
import ba.refnet.chassis.security.Roles;
import ba.refnet.referral.service.DeadlineKeeper;
import ba.refnet.referral.service.DeadlineKeeper.DeadlineLine;
import ba.refnet.referral.service.DeadlineKeeper.State;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deadlines")
@Tag(name = "Deadlines", description = "Protocol deadline oversight for working-group coordinators; no personal data")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.NETWORK_ADMIN})
public class DeadlineResource {

    @Inject
    DeadlineKeeper keeper;

    @GET
    @Operation(summary = "Unmet deadlines of referrals under the protocols your organisation coordinates",
            description = "state=overdue (default): passed and not yet escalated; escalated; open: not yet due. "
                    + "Ids, codes and times only.")
    @APIResponse(responseCode = "200", description = "One page, earliest due first")
    public Page<DeadlineLine> listDeadlines(
            @Parameter(description = "open, overdue or escalated") @QueryParam("state") @DefaultValue("overdue") String state,
            @QueryParam("protocolId") String protocolId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        State which = switch (state) {
            case "open" -> State.OPEN;
            case "overdue" -> State.OVERDUE;
            case "escalated" -> State.ESCALATED;
            default -> throw new InvalidInputException("state", "must be open, overdue or escalated");
        };
        return keeper.worklist(which, QueryParams.uuid("protocolId", protocolId), PageRequest.of(page, size));
    }
}
