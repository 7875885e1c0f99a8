package ba.refnet.referral.rest;

import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.Roles;
import ba.refnet.referral.domain.WebhookDelivery;
import ba.refnet.referral.domain.WebhookSubscription;
import ba.refnet.referral.webhook.WebhookSubscriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/webhooks")
@Tag(name = "Webhooks", description = "Referral events over HTTP for partner systems that cannot read Kafka. Each POST "
        + "carries the structured CloudEvent, X-RefNet-Delivery, X-RefNet-Timestamp and X-RefNet-Signature: "
        + "sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\" with the subscription's secret>. Failed deliveries are "
        + "retried with exponential back-off.")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER_SYSTEM, Roles.ORG_ADMIN})
public class WebhookResource {

    @Inject
    WebhookSubscriptions subscriptions;

    @Schema(name = "WebhookSubscriptionRequest")
    public record SubscriptionRequest(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 30) @Schema(description = "CloudEvents types to receive; empty: every referral event")
            List<@NotBlank String> eventTypes) {
    }

    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(UUID id, String url, List<String> eventTypes, Instant createdAt,
            @Schema(description = "Returned once, when the subscription is created") String secret) {
        static SubscriptionView of(WebhookSubscription s, boolean withSecret) {
            return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.createdAt(), withSecret ? s.secret() : null);
        }
    }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(UUID id, String eventId, String eventType, UUID referralId, String status, int attempts,
            Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.referralId(), d.status().name().toLowerCase(),
                    d.attempts(), d.lastStatusCode(), d.lastError(),
                    d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null, d.createdAt(),
                    d.deliveredAt());
        }
    }

    @POST
    @Operation(summary = "Subscribe your organisation's system to its referral events")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "accepted-and-completed", value = """
            {"url": "https://partner.example.ba/refnet/events",
             "eventTypes": ["ba.refnet.referral.accepted.v1", "ba.refnet.referral.completed.v1"]}""")))
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is shown this once",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Response subscribeWebhook(@Valid @NotNull SubscriptionRequest body, UriInfo uri) {
        WebhookSubscription subscription = subscriptions.subscribe(body.url(), body.eventTypes());
        return Response.created(uri.getAbsolutePathBuilder().path(subscription.id().toString()).build())
                .entity(SubscriptionView.of(subscription, true)).build();
    }

    @GET
    @Operation(summary = "Your organisation's active subscriptions")
    @APIResponse(responseCode = "200", description = "The subscriptions (without secrets)")
    public List<SubscriptionView> listWebhooks() {
        return subscriptions.own().stream().map(s -> SubscriptionView.of(s, false)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop a subscription")
    @APIResponse(responseCode = "204", description = "Stopped")
    public Response cancelWebhook(@PathParam("id") UUID id) {
        subscriptions.cancel(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription, newest first")
    @APIResponse(responseCode = "200", description = "One page of deliveries with their attempts")
    public Page<DeliveryView> listWebhookDeliveries(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return subscriptions.deliveries(id, PageRequest.of(page, size)).map(DeliveryView::of);
    }
}
