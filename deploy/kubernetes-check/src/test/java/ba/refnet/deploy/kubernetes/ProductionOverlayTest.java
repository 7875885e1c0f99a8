package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What production promises: no secret in the repository, three of each, backups, the realm without demo users. */
class ProductionOverlayTest {

    private final List<ObjectNode> production = Deploy.rendered("overlays/production");

    @Test
    void noSecretIsRendered() {
        assertEquals(List.of(), Deploy.ofKind(production, "Secret").stream().map(Manifests::name).toList());
    }

    @Test
    void kafkaHasThreeBrokersAndThreeControllersAndAcknowledgesOnTwoReplicas() {
        int brokers = 0;
        int controllers = 0;
        for (ObjectNode pool : Deploy.ofKind(production, "KafkaNodePool")) {
            assertEquals("refnet-kafka", pool.at("/metadata/labels/strimzi.io~1cluster").asText());
            List<String> roles = Deploy.list(pool.at("/spec/roles")).stream().map(JsonNode::asText).toList();
            int replicas = pool.at("/spec/replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        assertEquals(3, brokers);
        assertEquals(3, controllers);
        JsonNode config = Deploy.one(production, "Kafka", "refnet-kafka").at("/spec/kafka/config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertFalse(config.path("auto.create.topics.enable").asBoolean(true));
    }

    @Test
    void postgresHasThreeInstancesWithSynchronousCommitAndBackupsToObjectStorage() {
        ObjectNode cluster = Deploy.one(production, "Cluster", "refnet-db");

        assertEquals(3, cluster.at("/spec/instances").asInt());
        assertEquals(1, cluster.at("/spec/postgresql/synchronous/number").asInt());
        assertTrue(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText().startsWith("s3://"));
        ObjectNode backup = Deploy.ofKind(production, "ScheduledBackup").getFirst();
        assertEquals("refnet-db", backup.at("/spec/cluster/name").asText());
        assertEquals("barmanObjectStore", backup.at("/spec/method").asText());
    }

    @Test
    void everyServiceDatabaseHasItsOwnLogin() {
        ObjectNode cluster = Deploy.one(production, "Cluster", "refnet-db");
        assertEquals("registry", cluster.at("/spec/bootstrap/initdb/owner").asText());
        for (String database : List.of("cases", "referrals", "reporting", "keycloak")) {
            ObjectNode resource = Deploy.one(production, "Database", "refnet-db-" + database);
            assertEquals(database, resource.at("/spec/owner").asText());
            assertTrue(Deploy.list(cluster.at("/spec/managed/roles")).stream()
                    .anyMatch(r -> database.equals(r.path("name").asText())
                            && ("refnet-db-" + database).equals(r.at("/passwordSecret/name").asText())), database);
        }
    }

    @Test
    void theRealmHasNoDemoUsersAndNoClientSecretInTheRepository() {
        JsonNode realmImport = Deploy.one(production, "KeycloakRealmImport", RealmImport.NAME).path("spec");
        JsonNode realm = realmImport.path("realm");

        for (JsonNode user : realm.path("users")) {
            assertFalse(user.has("credentials"), user.path("username").asText());
        }
        assertEquals("external", realm.path("sslRequired").asText());
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                String placeholder = client.path("secret").asText();
                assertTrue(placeholder.matches("\\$\\{[A-Z_]+}"), client.path("clientId") + " has a literal secret");
                String name = placeholder.substring(2, placeholder.length() - 1);
                assertEquals("refnet-realm-client-secrets", realmImport.at("/placeholders/" + name + "/secret/name")
                        .asText(), name);
            }
        }
    }

    @Test
    void imagesCarryAReleaseTag() {
        for (String service : Deploy.SERVICES) {
            String image = Deploy.one(production, "Deployment", service).at("/spec/template/spec/containers/0/image")
                    .asText();
            assertFalse(image.endsWith("-SNAPSHOT"), image);
        }
    }

    @Test
    void prometheusScrapesTheServicesMetrics() {
        ObjectNode monitor = Deploy.ofKind(production, "ServiceMonitor").getFirst();

        assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
        assertEquals("http", monitor.at("/spec/endpoints/0/port").asText());
    }
}
