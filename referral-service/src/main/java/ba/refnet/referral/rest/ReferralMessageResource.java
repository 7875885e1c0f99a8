package ba.refnet.referral.rest;

import ba.refnet.chassis.security.Roles;
import ba.refnet.referral.rest.ReferralDtos.MessageRequest;
import ba.refnet.referral.rest.ReferralDtos.MessageView;
import ba.refnet.referral.service.ReferralMessages;
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

@Path("/referrals/{id}/messages")
@Tag(name = "Referral messages", description = "The two organisations talk about one referral")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
public class ReferralMessageResource {

    @Inject
    ReferralMessages messages;

    @GET
    @Operation(summary = "The messages on a referral, oldest first")
    @APIResponse(responseCode = "200", description = "The messages")
    public List<MessageView> listReferralMessages(@PathParam("id") UUID id) {
        return messages.of(id).stream().map(MessageView::of).toList();
    }

    @POST
    @Operation(summary = "Write to the other organisation about this referral")
    @APIResponse(responseCode = "201", description = "Posted",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    public Response postReferralMessage(@PathParam("id") UUID id, @Valid @NotNull MessageRequest body) {
        return Response.status(Response.Status.CREATED).entity(MessageView.of(messages.post(id, body.text()))).build();
    }
}
