package ba.refnet.referral.webhook;

import ba.refnet.chassis.events.MalformedEventException;
import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.referral.domain.WebhookDelivery;
import ba.refnet.referral.domain.WebhookSubscription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads this service's own referral topic (as any consumer would, in its own group) and queues a delivery for each
 * active subscription of the sending or receiving organisation that wants the event. The message is delivered as
 * it was published: the same structured CloudEvent.
 */
@ApplicationScoped
public class WebhookFanout {

    static final String CONSUMER = "referral-webhooks";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Incoming("referrals-for-webhooks")
    @Blocking
    @Transactional
    public void onReferralEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(event -> queue(event, message));
    }

    private void queue(CloudEvent event, String message) {
        List<UUID> organizations = parties(event);
        if (organizations.isEmpty()) {
            return;
        }
        List<WebhookSubscription> subscriptions = em.createQuery(
                "from WebhookSubscription where active = true and organizationId in :orgs", WebhookSubscription.class)
                .setParameter("orgs", organizations).getResultList();
        Instant now = Instant.now();
        for (WebhookSubscription subscription : subscriptions) {
            if (subscription.wants(event.getType())) {
                em.persist(new WebhookDelivery(subscription.id(), event.getId(), event.getType(),
                        UUID.fromString(event.getSubject()), message, now));
            }
        }
    }

    /** The sending and receiving organisations named in the event's data. */
    private List<UUID> parties(CloudEvent event) {
        try {
            JsonNode data = json.readTree(event.getData().toBytes());
            List<UUID> organizations = new ArrayList<>(2);
            for (String field : List.of("sendingOrganizationId", "receivingOrganizationId")) {
                if (data.hasNonNull(field)) {
                    organizations.add(UUID.fromString(data.get(field).asText()));
                }
            }
            return organizations.stream().distinct().toList();
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.getId()
                    + " names no readable organisations: " + e.getMessage());
        }
    }
}
