package ba.refnet.chassis.outbox;

import ba.refnet.chassis.events.CloudEventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, sent with an idempotent
 * {@code acks=all} producer, and marked sent only after the broker has acknowledged every record of the batch; a
 * failure rolls the claim back and the batch is retried, so an event is never lost and at worst published twice
 * (consumers de-duplicate on the event id).
 *
 * <p>With several replicas one relay publishes at a time: each batch first takes a transaction-scoped advisory
 * lock ({@link #ONE_RELAY_AT_A_TIME}), and a second relay waits for it. {@code SKIP LOCKED} alone would let the
 * second relay claim the next rows and publish an aggregate's later event before the first relay's earlier one
 * (or before the first relay's failed batch is retried), and consumers would see that aggregate's events out of
 * order. Without the lock the chassis test also saw relays claim rows that another had just marked sent, and
 * publish them twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Advisory locks are per database, and each service has its own: one key serves every service. */
    static final String ONE_RELAY_AT_A_TIME = "SELECT 1 FROM pg_advisory_xact_lock(7146001)";

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter publishFailures;

    @Inject
    PublishSpans publishSpans;

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        published = meters.counter("refnet.outbox.published");
        publishFailures = meters.counter("refnet.outbox.publish.failures");
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUps.release();
        worker.join(Duration.ofSeconds(10));
        producer.close(Duration.ofSeconds(5));
    }

    /** Called after a transaction that wrote outbox rows has committed. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                int sent = publishBatch();
                backoff = Duration.ofMillis(200);
                if (sent < config.batchSize()) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                publishFailures.increment();
                LOG.warnf("Outbox relay could not publish (will retry in %d ms): %s", backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes one batch in one transaction; returns how many rows it marked sent. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery(ONE_RELAY_AT_A_TIME).getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT id, topic, message_key, cloud_event, traceparent FROM outbox_event
                    WHERE sent_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], (String) row[2],
                        (String) row[3]);
                record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                publishSpans.start(record, (UUID) row[0], (String) row[4]);
                acks.add(producer.send(record));
                ids.add((UUID) row[0]);
            }
            long deadline = System.nanoTime() + config.ackTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            em.createNativeQuery("UPDATE outbox_event SET sent_at = now() WHERE id = ANY(?1)")
                    .setParameter(1, ids.toArray(new UUID[0]))
                    .executeUpdate();
            published.increment(ids.size());
            return ids.size();
        });
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
