package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The restore rehearsal's manifest validates and restores from production's backups into a cluster of its own. */
class RestoreTest {

    private final List<ObjectNode> restore = Deploy.rendered("restore");

    @Test
    void everyDocumentValidates() {
        assertEquals(List.of(), new ManifestValidator(Deploy.crds()).check(restore));
    }

    @Test
    void itRecoversProductionsBackupsIntoANewClusterThatArchivesNothing() {
        JsonNode production = Deploy.one(Deploy.rendered("overlays/production"), "Cluster", "refnet-db")
                .at("/spec/backup/barmanObjectStore");
        ObjectNode cluster = Deploy.ofKind(restore, "Cluster").getFirst();
        String source = cluster.at("/spec/bootstrap/recovery/source").asText();
        JsonNode origin = Deploy.list(cluster.at("/spec/externalClusters")).stream()
                .filter(c -> source.equals(c.path("name").asText())).findFirst().orElseThrow()
                .path("barmanObjectStore");

        assertFalse("refnet-db".equals(Manifests.name(cluster)), "never over the live cluster");
        assertEquals(production.path("destinationPath"), origin.path("destinationPath"));
        assertEquals(production.path("endpointURL"), origin.path("endpointURL"));
        assertEquals(production.path("s3Credentials"), origin.path("s3Credentials"));
        assertTrue(cluster.at("/spec/backup").isMissingNode(), "a restored cluster must not archive into the origin");
        assertTrue(cluster.at("/spec/bootstrap/recovery/recoveryTarget/targetTime").asText()
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+00"));
        assertTrue(cluster.at("/spec/postgresql/parameters/max_connections").asInt()
                >= Deploy.one(Deploy.rendered("overlays/production"), "Cluster", "refnet-db")
                        .at("/spec/postgresql/parameters/max_connections").asInt());
    }

    @Test
    void noServiceReachesTheRestoredCluster() {
        ObjectNode policy = Deploy.one(restore, "NetworkPolicy", "postgres-restore");
        assertEquals("refnet-db-restore", policy.at("/spec/podSelector/matchLabels/cnpg.io~1cluster").asText());
        for (JsonNode rule : policy.at("/spec/ingress")) {
            for (JsonNode from : rule.path("from")) {
                assertTrue(from.has("namespaceSelector") && !from.has("podSelector"), from.toString());
            }
        }
    }
}
