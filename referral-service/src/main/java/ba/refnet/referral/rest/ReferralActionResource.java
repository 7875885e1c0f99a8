package ba.refnet.referral.rest;

import ba.refnet.chassis.rest.Versions;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.rest.ReferralDtos.CompleteRequest;
import ba.refnet.referral.rest.ReferralDtos.FailRequest;
import ba.refnet.referral.rest.ReferralDtos.ReasonRequest;
import ba.refnet.referral.rest.ReferralDtos.RedirectRequest;
import ba.refnet.referral.rest.ReferralDtos.ReferralView;
import ba.refnet.referral.rest.ReferralDtos.RejectRequest;
import ba.refnet.referral.rest.ReferralDtos.SendRequest;
import ba.refnet.referral.service.ReferralDesk;
import ba.refnet.referral.service.ReferralLoop;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The steps of the closed loop as explicit actions. Each accepts If-Match with the ETag the caller read; a stale
 * one is 412, a step the current status does not allow is 409, a step that is the other side's is 403.
 */
@Path("/referrals/{id}")
@Tag(name = "Referral loop", description = "Send, accept, reject, start, hold, resume, complete, fail, redirect, cancel")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
@APIResponse(responseCode = "200", description = "The referral after the step; ETag carries its new version",
        content = @Content(schema = @Schema(implementation = ReferralView.class)))
@APIResponse(responseCode = "403", description = "Wrong role, or the step belongs to the other organisation")
@APIResponse(responseCode = "409", description = "The current status does not allow this step")
public class ReferralActionResource {

    @Inject
    CallerContext caller;

    @Inject
    ReferralLoop loop;

    @Inject
    ReferralDesk desk;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @PathParam("id")
    UUID id;

    @POST
    @Path("/send")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a draft your organisation saved: consent is checked now and the loop starts")
    @APIResponse(responseCode = "400", description = "Unknown protocol, or the case does not qualify for it")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SendRequest.class)))
    public Response sendReferral(String rawBody,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        // the body is optional, so it is read as text: a bare POST needs no Content-Type
        SendRequest body = rawBody == null || rawBody.isBlank() ? new SendRequest(null, null)
                : json.readValue(rawBody, SendRequest.class);
        Set<ConstraintViolation<SendRequest>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return ok(desk.send(id, ifMatch, body.protocolId(),
                body.overrideReason() == null || body.overrideReason().isBlank() ? null : body.overrideReason()));
    }

    @POST
    @Path("/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Accept a referral your organisation received")
    public Response acceptReferral(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.accept(id, ifMatch));
    }

    @POST
    @Path("/reject")
    @Operation(summary = "Refuse a referral your organisation received, with a reason code and an explanation")
    @APIResponse(responseCode = "400", description = "Missing or unknown reason")
    public Response rejectReferral(@Valid @NotNull RejectRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.reject(id, ifMatch, body.reasonCode(), body.reason()));
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Withdraw a referral your organisation sent, saying why")
    @APIResponse(responseCode = "400", description = "Missing reason")
    public Response cancelReferral(@Valid @NotNull ReasonRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.cancel(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/start")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record that work with the family has started")
    public Response startReferral(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.start(id, ifMatch));
    }

    @POST
    @Path("/hold")
    @Operation(summary = "Put an accepted or running referral on hold, saying why")
    @APIResponse(responseCode = "400", description = "Missing reason")
    public Response holdReferral(@Valid @NotNull ReasonRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.hold(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Take a referral off hold, back to where it was")
    public Response resumeReferral(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.resume(id, ifMatch));
    }

    @POST
    @Path("/plan")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record that a plan was agreed with the family (meets the protocol's plan deadline)")
    public Response recordReferralPlan(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.recordPlan(id, ifMatch));
    }

    @POST
    @Path("/complete")
    @Operation(summary = "Close the loop: what was provided and whether the need was met")
    @APIResponse(responseCode = "400", description = "Missing outcome")
    public Response completeReferral(@Valid @NotNull CompleteRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.complete(id, ifMatch, body.provided(), body.needMet()));
    }

    @POST
    @Path("/fail")
    @Operation(summary = "Record that an accepted referral could not be carried through, with a reason code")
    @APIResponse(responseCode = "400", description = "Missing or unknown reason")
    public Response failReferral(@Valid @NotNull FailRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(loop.fail(id, ifMatch, body.reasonCode(), body.reason()));
    }

    @POST
    @Path("/redirect")
    @Operation(summary = "Send the family on to another organisation's service",
            description = "A new referral from the same sender replaces this one (201, Location); this one closes as "
                    + "redirected and links to the new one.")
    @APIResponse(responseCode = "201", description = "The new referral",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "Unknown service or missing reason")
    public Response redirectReferral(@Valid @NotNull RedirectRequest body, UriInfo uri,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Referral next = loop.redirect(id, ifMatch, body.serviceId(), body.reason());
        return Response.created(uri.getBaseUriBuilder().path("referrals").path(next.id().toString()).build())
                .tag(Versions.etag(next.version()))
                .entity(ReferralView.of(next, caller.organizationId().orElse(null)))
                .build();
    }

    private Response ok(Referral referral) {
        return Response.ok(ReferralView.of(referral, caller.organizationId().orElse(null))).tag(Versions.etag(referral.version())).build();
    }
}
