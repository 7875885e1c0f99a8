package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An overlay that does not render, or renders something a cluster would refuse, fails the check. */
class KustomizeTest {

    private static void overlay(Path folder, String patch) throws IOException {
        Files.writeString(folder.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - patch: |-
                %s
                """.formatted(folder.relativize(Deploy.KUBERNETES.resolve("base")), patch.indent(6).stripTrailing()));
    }

    @Test
    void aPatchOfAResourceThatIsNotThereFailsTheRendering(@TempDir Path folder) throws IOException {
        overlay(folder, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: no-such-service}
                spec: {revisionHistoryLimit: 1}
                """);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Kustomize.render(folder));

        assertTrue(failure.getMessage().contains("no-such-service"), failure.getMessage());
    }

    @Test
    void aPatchThatBreaksAResourceIsFoundInTheRenderedOverlay(@TempDir Path folder) throws IOException {
        overlay(folder, """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: refnet-case-cases-v1}
                spec: {partitions: twelve}
                """);

        List<Violation> violations =
                new ManifestValidator(Deploy.crds()).check(Manifests.parse(Kustomize.render(folder)));

        assertEquals(1, violations.size(), violations::toString);
        assertEquals("KafkaTopic/refnet-case-cases-v1", violations.getFirst().resource());
        assertEquals("spec.partitions", violations.getFirst().field());
    }
}
