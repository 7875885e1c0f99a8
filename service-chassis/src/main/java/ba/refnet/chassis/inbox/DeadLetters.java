package ba.refnet.chassis.inbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends one record of a batch that cannot be applied to the service's dead-letter topic (channel
 * {@code dead-letters}, configured once in the chassis), with the headers the connector's
 * own dead-letter strategy writes (reason, cause, where it came from), so the topic reads the same either way.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> emitter;

    @Inject
    MeterRegistry meters;

    public void send(ConsumerRecord<String, String> record, Throwable failure) {
        meters.counter(DeadLetterCount.METRIC, "topic", record.topic()).increment();
        String reason = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes(reason));
        if (failure.getCause() != null) {
            headers.add("dead-letter-cause", bytes(String.valueOf(failure.getCause().getMessage())));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        // the offset is the record's only identity here: its content may hold anything
        LOG.warnf("%s-%d@%d went to the dead-letter topic: %s", record.topic(), record.partition(), record.offset(),
                failure.getClass().getSimpleName());
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
