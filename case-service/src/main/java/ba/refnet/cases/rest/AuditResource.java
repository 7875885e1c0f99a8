package ba.refnet.cases.rest;

import ba.refnet.cases.domain.AuditEntry;
import ba.refnet.cases.service.AuditQuery;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.QueryParams;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/audit")
@Tag(name = "Audit", description = "Who read or changed which personal data, when and why")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORG_ADMIN)
public class AuditResource {

    @Inject
    AuditQuery audit;

    @Schema(name = "AuditEntry")
    public record AuditView(Instant at, String actor, UUID organizationId, String action, String recordType,
            UUID recordId, String purpose) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.at(), e.actor(), e.organizationId(), e.action(), e.recordType(), e.recordId(),
                    e.purpose());
        }
    }

    @GET
    @Operation(summary = "Your organisation's audit trail, newest first")
    @APIResponse(responseCode = "200", description = "One page of audit entries")
    public Page<AuditView> listAuditEntries(
            @Parameter(description = "A case, consent or other record id") @QueryParam("recordId") String recordId,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-11-01T00:00:00Z") @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.entries(new AuditQuery.Filter(QueryParams.uuid("recordId", recordId), QueryParams.text(actor),
                QueryParams.text(action), QueryParams.instant("from", from), QueryParams.instant("to", to)),
                PageRequest.of(page, size)).map(AuditView::of);
    }

}
