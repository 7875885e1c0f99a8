package ba.refnet.chassis.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * The one way a consumer takes a busy topic: what one poll brought is applied in one transaction (one inbox
 * statement and one commit for the lot, instead of one per event); when that fails, each record again in a
 * transaction of its own, so that only a record that cannot be applied goes to the dead-letter topic (through
 * {@link DeadLetters}, channel {@code dead-letters}) and the good ones of its batch still count. The channel is
 * consumed with {@code batch=true}.
 */
@ApplicationScoped
public class RecordBatches {

    private static final Logger LOG = Logger.getLogger(RecordBatches.class);

    @Inject
    DeadLetters deadLetters;

    public void project(ConsumerRecords<String, String> records, Consumer<List<String>> projection) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> projection.accept(batch.stream().map(ConsumerRecord::value)
                    .toList()));
            return;
        } catch (RuntimeException e) {
            LOG.debugf("a batch of %d records failed (%s); projecting them one by one", batch.size(),
                    e.getClass().getSimpleName());
        }
        for (ConsumerRecord<String, String> record : batch) {
            try {
                QuarkusTransaction.requiringNew().run(() -> projection.accept(List.of(record.value())));
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
            }
        }
    }
}
