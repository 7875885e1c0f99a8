package ba.refnet.chassis.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Counts what goes to the service's dead-letter topic, per topic the record came from:
 * {@code refnet_dead_letters_total{topic}}. A channel consumed one record at a time names this failure strategy
 * ({@code failure-strategy=refnet-dead-letter-queue}): the connector's own dead-letter queue, counted; a batch
 * consumer's dead letters go through {@link DeadLetters}, which counts the same metric. Every consumed topic's
 * counter exists from the start, at zero, so that an alert sees the first dead letter as an increase.
 */
@ApplicationScoped
@Identifier(DeadLetterCount.STRATEGY)
public class DeadLetterCount implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "refnet-dead-letter-queue";
    public static final String METRIC = "refnet.dead.letters";

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    @Inject
    MeterRegistry meters;

    @Inject
    Config config;

    void registerAtZero(@Observes StartupEvent startup) {
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic"))
                .map(name -> config.getOptionalValue(name, String.class).orElse(null))
                .filter(topic -> topic != null && !topic.isBlank())
                .distinct()
                .forEach(topic -> meters.counter(METRIC, "topic", topic));
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration configuration, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler handler = deadLetterQueue.create(configuration, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                meters.counter(METRIC, "topic", record.getTopic()).increment();
                return handler.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                handler.terminate();
            }
        };
    }
}
