package ba.refnet.referral.webhook;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.referral.domain.WebhookDelivery;
import ba.refnet.referral.domain.WebhookSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Webhook subscriptions of the caller's organisation and their delivery log. */
@ApplicationScoped
public class WebhookSubscriptions {

    /** The referral events a subscription may ask for. */
    static final Set<String> REFERRAL_EVENT_TYPES = Stream.of(EventType.values())
            .filter(t -> t.topic().equals(Topics.REFERRALS)).map(EventType::type).collect(Collectors.toSet());

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CallerContext caller;

    @Inject
    WebhookConfig config;

    @Transactional
    public WebhookSubscription subscribe(String url, List<String> eventTypes) {
        UUID organization = caller.requireOrganization();
        URI uri = validUrl(url);
        List<String> types = eventTypes == null ? List.of() : eventTypes.stream().distinct().toList();
        for (int i = 0; i < types.size(); i++) {
            if (!REFERRAL_EVENT_TYPES.contains(types.get(i))) {
                throw new InvalidInputException("eventTypes[" + i + "]", "not a referral event type; allowed: "
                        + REFERRAL_EVENT_TYPES.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        WebhookSubscription subscription = new WebhookSubscription(organization, uri.toString(),
                WebhookSignature.newSecret(), types, clock.instant());
        em.persist(subscription);
        return subscription;
    }

    @Transactional
    public List<WebhookSubscription> own() {
        return em.createQuery("from WebhookSubscription where organizationId = :org and active = true order by createdAt",
                WebhookSubscription.class).setParameter("org", caller.requireOrganization()).getResultList();
    }

    @Transactional
    public void cancel(UUID id) {
        ownSubscription(id).cancel();
    }

    @Transactional
    public Page<WebhookDelivery> deliveries(UUID subscriptionId, PageRequest page) {
        ownSubscription(subscriptionId);
        List<WebhookDelivery> items = em.createQuery(
                "from WebhookDelivery where subscriptionId = :id order by createdAt desc", WebhookDelivery.class)
                .setParameter("id", subscriptionId).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList();
        long total = em.createQuery("select count(d) from WebhookDelivery d where d.subscriptionId = :id", Long.class)
                .setParameter("id", subscriptionId).getSingleResult();
        return Page.of(items, page, total);
    }

    private WebhookSubscription ownSubscription(UUID id) {
        UUID organization = caller.requireOrganization();
        WebhookSubscription subscription = em.find(WebhookSubscription.class, id);
        if (subscription == null || !subscription.organizationId().equals(organization) || !subscription.active()) {
            throw ResourceNotFoundException.of("webhook subscription", id);
        }
        return subscription;
    }

    private URI validUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            boolean allowed = "https".equals(scheme) || ("http".equals(scheme) && !config.requireHttps());
            if (!uri.isAbsolute() || uri.getHost() == null || !allowed) {
                throw new InvalidInputException("url", config.requireHttps() ? "must be an absolute https URL"
                        : "must be an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a URL: " + e.getReason());
        }
    }
}
