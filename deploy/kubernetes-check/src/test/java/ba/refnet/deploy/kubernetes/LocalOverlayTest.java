package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The laptop overlay brings every secret it needs, each marked as a placeholder, and one of everything. */
class LocalOverlayTest {

    /** Made by CloudNativePG itself for the bootstrap owner (registry) and by the Keycloak operator. */
    private static final Set<String> MADE_BY_OPERATORS = Set.of("refnet-db-app");

    private final List<ObjectNode> local = Deploy.rendered("overlays/local");

    @Test
    void everySecretIsMarkedAsNotForProduction() {
        List<ObjectNode> secrets = Deploy.ofKind(local, "Secret");

        assertFalse(secrets.isEmpty());
        for (ObjectNode secret : secrets) {
            assertTrue(secret.at("/metadata/annotations/refnet.ba~1not-for-production").isTextual(),
                    Manifests.name(secret));
        }
    }

    @Test
    void everySecretTheResourcesReadIsThereOrMadeByAnOperator() {
        Set<String> rendered = Deploy.ofKind(local, "Secret").stream()
                .map(s -> s.at("/metadata/name").asText()).collect(Collectors.toSet());
        List<String> read = new ArrayList<>();
        for (ObjectNode deployment : Deploy.ofKind(local, "Deployment")) {
            for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
                read.add(env.at("/valueFrom/secretKeyRef/name").asText());
            }
        }
        Deploy.list(Deploy.one(local, "Cluster", "refnet-db").at("/spec/managed/roles"))
                .forEach(role -> read.add(role.at("/passwordSecret/name").asText()));
        JsonNode db = Deploy.one(local, "Keycloak", "refnet-keycloak").at("/spec/db");
        read.add(db.at("/usernameSecret/name").asText());
        read.add(db.at("/passwordSecret/name").asText());

        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(rendered);
        missing.removeAll(MADE_BY_OPERATORS);
        assertEquals(Set.of(), missing);
    }

    @Test
    void oneOfEverythingAndNothingWaitsForAReplicaThatIsNotThere() {
        ObjectNode cluster = Deploy.one(local, "Cluster", "refnet-db");
        assertEquals(1, cluster.at("/spec/instances").asInt());
        assertTrue(cluster.at("/spec/postgresql/synchronous").isMissingNode());
        List<ObjectNode> pools = Deploy.ofKind(local, "KafkaNodePool");
        assertEquals(1, pools.size());
        assertEquals(1, pools.getFirst().at("/spec/replicas").asInt());
        assertEquals(1, Deploy.one(local, "Kafka", "refnet-kafka").at("/spec/kafka/config/min.insync.replicas").asInt());
        for (ObjectNode topic : Deploy.ofKind(local, "KafkaTopic")) {
            assertEquals(1, topic.at("/spec/replicas").asInt(), Manifests.name(topic));
            assertEquals(1, topic.at("/spec/config/min.insync.replicas").asInt(), Manifests.name(topic));
        }
    }
}
