package ba.refnet.cases.rest;

import ba.refnet.cases.domain.Consent;
import ba.refnet.cases.service.ConsentRegistry;
import ba.refnet.cases.service.ConsentRegistry.NewConsent;
import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
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

@Path("/cases/{caseId}/consents")
@Tag(name = "Consent", description = "Consent records per person: purpose, recipients, scope, validity")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
public class ConsentResource {

    @Inject
    ConsentRegistry registry;

    @Schema(name = "ConsentRecord")
    public record ConsentRequest(
            @NotNull @NotEmpty @Size(max = 30) @Schema(description = "The members the consent is about")
            List<@NotNull UUID> memberIds,
            @NotNull @Schema(description = "The member who gives it: the person, or a parent or guardian for a child")
            UUID givenByMemberId,
            @Size(max = 2000) @Schema(description = "The child's own view, in the child's words") String childView,
            @NotBlank @Schema(description = "referral, information_sharing or reporting") String purpose,
            @Schema(description = "True: any member of the network may receive it (default false)")
            Boolean anyNetworkMember,
            @Size(max = 50) List<@NotNull UUID> recipientOrganizationIds,
            @NotNull @NotEmpty @Schema(description = "identity, contact, household, needs, assessment")
            List<@NotBlank String> scope,
            @NotBlank @Schema(description = "signed_form, verbal_with_witness or electronic") String method,
            @Size(max = 200) String witness,
            @Schema(description = "Default: now") Instant givenAt,
            Instant expiresAt) {

        NewConsent toCommand() {
            return new NewConsent(memberIds, givenByMemberId, childView, purpose, Boolean.TRUE.equals(anyNetworkMember),
                    recipientOrganizationIds, scope, method, witness, givenAt, expiresAt);
        }
    }

    @Schema(name = "ConsentWithdrawal")
    public record WithdrawRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "Consent")
    public record ConsentView(UUID id, UUID caseId, List<UUID> memberIds, UUID givenByMemberId, String childView,
            String purpose, boolean anyNetworkMember, List<UUID> recipientOrganizationIds, List<String> scope,
            String method, String witness, Instant givenAt, Instant expiresAt, Instant withdrawnAt,
            String withdrawalReason, long version) {
        static ConsentView of(Consent c) {
            return new ConsentView(c.id(), c.caseId(), c.memberIds(), c.givenByMemberId(), c.childView(),
                    c.purpose().code(), c.anyNetworkMember(), c.recipientOrganizationIds(), c.scope(),
                    c.method().code(), c.witness(), c.givenAt(), c.expiresAt(), c.withdrawnAt(), c.withdrawalReason(),
                    c.version());
        }
    }

    @POST
    @Operation(summary = "Record a consent for members of one of your cases (audited; published without names)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "mother-for-child", value = """
            {"memberIds": ["1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b", "2e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b"],
             "givenByMemberId": "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b",
             "childView": "Želim ići na razgovore ako mama ide sa mnom.", "purpose": "referral",
             "recipientOrganizationIds": ["0a000000-0000-4000-8000-000000000003"],
             "scope": ["identity", "contact", "needs"], "method": "signed_form", "expiresAt": "2027-11-20T00:00:00Z"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    public Response giveConsent(@PathParam("caseId") UUID caseId, @Valid @NotNull ConsentRequest body, UriInfo uri) {
        Consent consent = registry.give(caseId, body.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(consent.id().toString()).build())
                .tag(Versions.etag(consent.version())).entity(ConsentView.of(consent)).build();
    }

    @GET
    @Operation(summary = "The consents of one of your cases (audited)")
    @APIResponse(responseCode = "200", description = "All consents, oldest first")
    public List<ConsentView> listConsents(@PathParam("caseId") UUID caseId) {
        return registry.consents(caseId).stream().map(ConsentView::of).toList();
    }

    @POST
    @Path("/{consentId}/withdraw")
    @Operation(summary = "Withdraw a consent; referrals that relied on it are restricted and their receivers told")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn")
    public ConsentView withdrawConsent(@PathParam("caseId") UUID caseId, @PathParam("consentId") UUID consentId,
            @Valid @NotNull WithdrawRequest body) {
        return ConsentView.of(registry.withdraw(caseId, consentId, body.reason()));
    }
}
