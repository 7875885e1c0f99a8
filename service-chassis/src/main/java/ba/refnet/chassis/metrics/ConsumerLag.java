package ba.refnet.chassis.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code refnet_consumer_lag_records{group,topic}}: how many records of a topic the service's consumer group has
 * not committed yet (the log end offset less the committed offset, summed over the partitions), for every group and
 * topic the service's incoming channels name. Read from the broker, not from the consumer, so a consumer that hangs
 * shows as lag that grows, where a consumer's own metric would go quiet.
 */
@ApplicationScoped
class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    private record GroupTopic(String group, String topic) {
    }

    @Inject
    MeterRegistry meters;

    @Inject
    Config config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Map<GroupTopic, AtomicReference<Double>> lags = new ConcurrentHashMap<>();
    private volatile Admin admin;

    void start(@Observes StartupEvent startup) {
        Map<String, String> channels = new LinkedHashMap<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic"))
                .forEach(name -> channels.put(name.substring(0, name.length() - ".topic".length()),
                        config.getOptionalValue(name, String.class).orElse("")));
        channels.forEach((prefix, topic) -> config.getOptionalValue(prefix + ".group.id", String.class)
                .filter(group -> !topic.isBlank())
                .ifPresent(group -> lags.computeIfAbsent(new GroupTopic(group, topic), key -> {
                    AtomicReference<Double> lag = new AtomicReference<>(Double.NaN);
                    Gauge.builder("refnet.consumer.lag.records", lag, AtomicReference::get)
                            .description("records of the topic the consumer group has not committed")
                            .tags("group", key.group(), "topic", key.topic()).register(meters);
                    return lag;
                })));
        if (!lags.isEmpty()) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, config.getValue("quarkus.application.name", String.class)
                            + "-consumer-lag",
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The records of a topic a group that has committed nothing will read (from the earliest): all it holds. */
    private double uncommitted(String topic) throws Exception {
        var described = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        described.partitions().forEach(p -> {
            earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
        });
        var first = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        var last = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        return last.entrySet().stream().mapToDouble(e -> e.getValue().offset() - first.get(e.getKey()).offset()).sum();
    }

    @Scheduled(every = "${refnet.metrics.consumer-lag-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        if (admin == null) {
            return;
        }
        Set<String> groups = lags.keySet().stream().map(GroupTopic::group).collect(Collectors.toSet());
        for (String group : groups) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                Map<String, Double> perTopic = new LinkedHashMap<>();
                committed.forEach((partition, offset) -> {
                    long end = ends.get(partition).offset();
                    long done = offset == null ? 0 : offset.offset();
                    perTopic.merge(partition.topic(), (double) Math.max(0, end - done), Double::sum);
                });
                for (var entry : lags.entrySet()) {
                    GroupTopic key = entry.getKey();
                    if (key.group().equals(group)) {
                        Double lag = perTopic.get(key.topic());
                        // a group that has committed nothing on a topic yet starts from its earliest record
                        entry.getValue().set(lag != null ? lag : uncommitted(key.topic()));
                    }
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                lags.forEach((key, lag) -> {
                    if (key.group().equals(group)) {
                        lag.set(Double.NaN);
                    }
                });
                LOG.debugf("consumer lag of group %s could not be read: %s", group, e.getClass().getSimpleName());
            }
        }
    }
}
