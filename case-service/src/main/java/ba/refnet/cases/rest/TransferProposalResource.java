package ba.refnet.cases.rest;

import ba.refnet.cases.rest.TransferResource.TransferView;
import ba.refnet.cases.service.CaseTransfers;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases/{id}/transfers")
@Tag(name = "Case transfer")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
public class TransferProposalResource {

    @Inject
    CaseTransfers transfers;

    @Schema(name = "CaseTransferProposal")
    public record TransferRequest(@NotNull UUID toOrganizationId, @NotBlank @Size(max = 2000) String reason) {
    }

    @POST
    @Operation(summary = "Propose to hand one of your cases over to another organisation")
    @APIResponse(responseCode = "201", description = "Proposed; waits for the receiver's answer",
            content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "409", description = "Already yours, closed, or a transfer is already waiting")
    public Response proposeTransfer(@PathParam("id") UUID caseId, @Valid @NotNull TransferRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(TransferView.of(transfers.propose(caseId, body.toOrganizationId(), body.reason()))).build();
    }
}
