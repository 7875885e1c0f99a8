package ba.refnet.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Starts a real PostgreSQL 15 (embedded binaries from Maven Central) and a real single-node KRaft Kafka broker
 * in the test JVM, and points the service under test at them. Used once per test module:
 * {@code @QuarkusTestResource(RealInfrastructure.class)} on any test class.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private KafkaClusterTestKit kafka;

    @Override
    public Map<String, String> start() {
        try {
            // as the platform's server is set up (deploy/launcher PostgresServer): room for a reporting database's
            // working set, and checkpoints far enough apart that heavy writes do not rewrite whole pages each time.
            // Unlike the platform, a test database is thrown away after the run: it may lose its last commits or
            // its pages in a power cut, so it skips waiting for the disk (the only place that opts out).
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .start();
            createServiceDatabase();
            kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("could not start PostgreSQL and Kafka for tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("service", "service"),
                "quarkus.datasource.username", "service",
                "quarkus.datasource.password", "service",
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    /** The service logs in as its own non-superuser role, as it does on the platform. */
    private void createServiceDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE service LOGIN PASSWORD 'service'");
            s.execute("CREATE DATABASE service OWNER service");
        }
    }

    @Override
    public void stop() {
        try {
            if (kafka != null) {
                kafka.close();
            }
        } catch (Exception e) {
            System.err.println("Kafka test broker did not stop cleanly: " + e.getMessage());
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            System.err.println("PostgreSQL test server did not stop cleanly: " + e.getMessage());
        }
    }
}
