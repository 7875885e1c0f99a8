package ba.refnet.chassis.testapp;

import ba.refnet.chassis.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer of one record at a time, as the services' local copies are, on the organisations' topic. */
@ApplicationScoped
public class OrganizationEvents {

    public static final String CONSUMER = "chassis-test.organizations";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Incoming("organizations")
    @Blocking
    @Transactional
    public void onEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(event -> em.persist(new AppliedEffect(CONSUMER, event.getId())));
    }
}
