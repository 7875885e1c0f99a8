package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay renders, every document in it validates, and every service has its full set of resources. */
class RenderedOverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everyRenderedDocumentValidates(String kustomization) {
        List<ObjectNode> documents = Deploy.rendered(kustomization);

        assertFalse(documents.isEmpty());
        assertEquals(List.of(), new ManifestValidator(Deploy.crds()).check(documents));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyResourceIsInTheNamespace(String kustomization) {
        for (ObjectNode document : Deploy.rendered(kustomization)) {
            if (!"Namespace".equals(document.path("kind").asText())) {
                assertEquals("refnet", document.path("metadata").path("namespace").asText(), Manifests.name(document));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyServiceHasItsDeploymentServiceBudgetAutoscalerAndPolicy(String kustomization) {
        List<ObjectNode> documents = Deploy.rendered(kustomization);
        for (String service : Deploy.SERVICES) {
            ObjectNode deployment = Deploy.one(documents, "Deployment", service);
            Deploy.one(documents, "Service", service);
            Deploy.one(documents, "PodDisruptionBudget", service);
            Deploy.one(documents, "NetworkPolicy", service);
            ObjectNode autoscaler = Deploy.one(documents, "HorizontalPodAutoscaler", service);

            assertEquals(service, autoscaler.at("/spec/scaleTargetRef/name").asText());
            assertEquals("cpu", autoscaler.at("/spec/metrics/0/resource/name").asText());
            assertFalse(deployment.at("/spec").has("replicas"), service + ": the autoscaler owns the replica count");
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), service);
            assertTrue(container.at("/image").asText().startsWith("refnet/" + service + ":"), service);
            assertEquals(container.at("/resources/requests/memory"), container.at("/resources/limits/memory"),
                    service + ": memory is not compressible, the request is the limit");
            assertTrue(container.at("/resources/requests/cpu").isTextual(), service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyServiceRunsAsNonRootOnAReadOnlyRootWithAWritableTmp(String kustomization) {
        for (String service : Deploy.SERVICES) {
            JsonNode pod = Deploy.one(Deploy.rendered(kustomization), "Deployment", service).at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");

            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), service);
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), service);
            assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), service);
            assertEquals("ALL", container.at("/securityContext/capabilities/drop/0").asText(), service);
            assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText(), service);
            assertTrue(pod.at("/volumes/0/emptyDir").isObject(), service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyConfigMapAServiceReadsIsRendered(String kustomization) {
        List<ObjectNode> documents = Deploy.rendered(kustomization);
        Set<String> configMaps = Deploy.ofKind(documents, "ConfigMap").stream()
                .map(c -> c.at("/metadata/name").asText()).collect(Collectors.toSet());
        for (String service : Deploy.SERVICES) {
            JsonNode container = Deploy.one(documents, "Deployment", service).at("/spec/template/spec/containers/0");
            List<String> read = Deploy.list(container.path("envFrom")).stream()
                    .map(e -> e.at("/configMapRef/name").asText()).toList();

            assertEquals(2, read.size(), service);
            assertTrue(configMaps.containsAll(read), service + " reads " + read + ", rendered " + configMaps);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void trafficIsDeniedUnlessAllowed(String kustomization) {
        ObjectNode deny = Deploy.one(Deploy.rendered(kustomization), "NetworkPolicy", "default-deny");

        assertTrue(deny.at("/spec/podSelector").isEmpty());
        assertEquals(List.of("Ingress", "Egress"),
                Deploy.list(deny.at("/spec/policyTypes")).stream().map(JsonNode::asText).toList());
        assertFalse(deny.at("/spec").has("ingress"));
        assertFalse(deny.at("/spec").has("egress"));
    }
}
