package ba.refnet.referral.webhook;

import ba.refnet.chassis.events.MalformedEventException;
import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.chassis.inbox.RecordBatches;
import ba.refnet.chassis.persistence.AfterCommit;
import ba.refnet.referral.domain.WebhookDelivery;
import ba.refnet.referral.domain.WebhookSubscription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    RecordBatches batches;

    @Inject
    AfterCommit afterCommit;

    @Inject
    WebhookDispatcher dispatcher;

    /** A poll's events in one transaction, with one look-up of the subscriptions of every party in it. */
    @Incoming("referrals-for-webhooks")
    @Blocking
    public void onReferralEvents(ConsumerRecords<String, String> records) {
        batches.project(records, messages -> queue(inbox.claimAll(CONSUMER, messages)));
    }

    private void queue(List<Inbox.Received> events) {
        Map<Inbox.Received, List<UUID>> parties = new LinkedHashMap<>();
        Set<UUID> organizations = new HashSet<>();
        for (Inbox.Received received : events) {
            List<UUID> of = parties(received.event());
            parties.put(received, of);
            organizations.addAll(of);
        }
        if (organizations.isEmpty()) {
            return;
        }
        Map<UUID, List<WebhookSubscription>> subscriptions = em.createQuery(
                "from WebhookSubscription where active = true and organizationId in :orgs", WebhookSubscription.class)
                .setParameter("orgs", organizations).getResultStream()
                .collect(Collectors.groupingBy(WebhookSubscription::organizationId));
        if (subscriptions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        boolean queued = false;
        for (var entry : parties.entrySet()) {
            CloudEvent event = entry.getKey().event();
            for (UUID organization : entry.getValue()) {
                for (WebhookSubscription subscription : subscriptions.getOrDefault(organization, List.of())) {
                    if (subscription.wants(event.getType())) {
                        em.persist(new WebhookDelivery(subscription.id(), event.getId(), event.getType(),
                                UUID.fromString(event.getSubject()), entry.getKey().message(), now));
                        queued = true;
                    }
                }
            }
        }
        if (queued) {
            // sent as soon as they are committed, not at the dispatcher's next tick
            afterCommit.run(dispatcher::wakeUp);
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
