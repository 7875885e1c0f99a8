package ba.refnet.chassis.testapp;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.chassis.inbox.RecordBatches;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer shaped as the services' are: a poll through {@link RecordBatches}, each event claimed in the inbox. */
@ApplicationScoped
public class AppliedEvents {

    public static final String TOPIC = "chassis.test.applied";
    public static final String CONSUMER = "chassis-test.applied";

    @Inject
    RecordBatches batches;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Incoming("applied")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        batches.project(records, this::apply);
    }

    void apply(List<String> messages) {
        inbox.claimAll(CONSUMER, messages).forEach(received -> em.persist(new AppliedEffect(CONSUMER,
                received.event().getId())));
    }
}
