package ba.refnet.cases.rest;

import ba.refnet.cases.service.ReferralPackets;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/referral-packets")
@Tag(name = "Referral packets", description = "What a receiving organisation may see of a family it was referred")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
public class ReferralPacketResource {

    @Inject
    ReferralPackets packets;

    @GET
    @Path("/{referralId}")
    @Operation(summary = "The family's details for a referral your organisation accepted (audited on the case)",
            description = "Only the people the referral is about, and only the data categories its consents cover "
                    + "(identity: names and birth dates; contact; household: the other members without names; needs: "
                    + "needs and vulnerabilities; assessment: the latest assessment). Fields outside the scope are null.")
    @APIResponse(responseCode = "200", description = "The packet",
            content = @Content(schema = @Schema(implementation = ReferralPackets.Packet.class)))
    @APIResponse(responseCode = "403",
            description = "Wrong role, no organisation, or the consent was withdrawn or expired")
    @APIResponse(responseCode = "409", description = "Not accepted yet, or already ended")
    public ReferralPackets.Packet getReferralPacket(@PathParam("referralId") UUID referralId) {
        return packets.packet(referralId);
    }
}
