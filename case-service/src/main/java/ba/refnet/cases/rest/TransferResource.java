package ba.refnet.cases.rest;

import ba.refnet.cases.domain.CaseTransfer;
import ba.refnet.cases.service.CaseTransfers;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/transfers")
@Tag(name = "Case transfer", description = "Handing a case over to another organisation, which accepts or declines")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
@APIResponse(responseCode = "403", description = "Wrong role, or not the receiving organisation")
public class TransferResource {

    @Inject
    CaseTransfers transfers;

    @Schema(name = "CaseTransferDecline")
    public record DeclineRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "CaseTransfer")
    public record TransferView(UUID id, UUID caseId, UUID fromOrganizationId, UUID toOrganizationId, String reason,
            String status, Instant requestedAt, Instant decidedAt, String declineReason,
            @Schema(description = "For the receiver before it accepts: how many people, where") Integer householdSize,
            String municipalityCode) {
        public static TransferView of(CaseTransfer t) {
            return of(t, null, null);
        }

        static TransferView of(CaseTransfer t, Integer householdSize, String municipalityCode) {
            return new TransferView(t.id(), t.caseId(), t.fromOrganizationId(), t.toOrganizationId(), t.reason(),
                    t.status().name().toLowerCase(), t.requestedAt(), t.decidedAt(), t.declineReason(), householdSize,
                    municipalityCode);
        }
    }

    @GET
    @Path("incoming")
    @Operation(summary = "Transfers waiting for your organisation's answer (no personal data until you accept)")
    @APIResponse(responseCode = "200", description = "Pending transfers, oldest first")
    public List<TransferView> listIncomingTransfers() {
        return transfers.incoming().stream()
                .map(i -> TransferView.of(i.transfer(), i.householdSize(), i.municipalityCode())).toList();
    }

    @POST
    @Path("{transferId}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Accept a transfer: the case becomes your organisation's")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "409", description = "Already answered")
    public TransferView acceptTransfer(@PathParam("transferId") UUID transferId) {
        return TransferView.of(transfers.accept(transferId));
    }

    @POST
    @Path("{transferId}/decline")
    @Operation(summary = "Decline a transfer, saying why")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "409", description = "Already answered")
    public TransferView declineTransfer(@PathParam("transferId") UUID transferId, @Valid @NotNull DeclineRequest body) {
        return TransferView.of(transfers.decline(transferId, body.reason()));
    }
}
