package ba.refnet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What happens behind the creates: the referral service's outbox backlog, the consumers' lag and how long an event
 * takes from the referral's transaction to the reporting projection's commit (PostgreSQL's commit timestamps).
 */
final class Pipeline implements AutoCloseable {

    /** Every consumer group of the platform: the referral topic's and the local copies' of the referral service. */
    static final List<String> GROUPS = List.of("case-service", "reporting-service", "referral-webhooks",
            "referral-service");

    private final Fixture fixture;
    private final Admin admin;

    Pipeline(Fixture fixture, String bootstrapServers) {
        this.fixture = fixture;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    /** Samples the number of unsent outbox rows every 250 ms until stopped. */
    final class BacklogSampler implements AutoCloseable {
        private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        BacklogSampler() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try (Connection c = fixture.referrals(); Statement s = c.createStatement()) {
                    while (running.get()) {
                        try (ResultSet r = s.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                            r.next();
                            samples.add(r.getLong(1));
                        }
                        Thread.sleep(250);
                    }
                } catch (SQLException | InterruptedException e) {
                    samples.add(-1L);
                }
            });
        }

        List<Long> samples() {
            return List.copyOf(samples);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    /** The sum of the lag of every partition the groups consume, now. */
    Map<String, Long> lag() throws Exception {
        Map<String, Long> lag = new HashMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long sum = 0;
            for (var e : committed.entrySet()) {
                if (e.getValue() != null) {
                    sum += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
            lag.put(group, sum);
        }
        return lag;
    }

    /** Seconds from now until every group has caught up (or the limit, if they do not). */
    double secondsUntilCaughtUp(Duration limit) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (lag().values().stream().allMatch(l -> l == 0)) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(100);
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * For each referral event written after {@code since}: the time from its outbox row to the commit of the
     * reporting transaction that applied it, in milliseconds, sorted.
     */
    List<Double> eventToFigureMillis(Instant since) throws SQLException {
        Map<String, Instant> written = new HashMap<>();
        try (Connection c = fixture.referrals(); PreparedStatement q = c.prepareStatement(
                "SELECT id::text, created_at FROM outbox_event WHERE created_at >= ?")) {
            q.setTimestamp(1, Timestamp.from(since));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    written.put(r.getString(1), r.getTimestamp(2).toInstant());
                }
            }
        }
        List<Double> millis = new ArrayList<>();
        try (Connection c = fixture.database("reporting"); PreparedStatement q = c.prepareStatement(
                "SELECT event_id, pg_xact_commit_timestamp(xmin) FROM processed_event"
                        + " WHERE consumer = 'reporting-referral-projection' AND event_id = ANY(?)")) {
            q.setArray(1, c.createArrayOf("varchar", written.keySet().toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Timestamp committed = r.getTimestamp(2);
                    if (committed != null) {
                        millis.add(Duration.between(written.get(r.getString(1)), committed.toInstant()).toNanos() / 1e6);
                    }
                }
            }
        }
        Collections.sort(millis);
        return millis;
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    @Override
    public void close() {
        admin.close();
    }
}
