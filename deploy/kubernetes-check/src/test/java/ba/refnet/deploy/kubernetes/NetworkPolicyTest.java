package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service reaches its database cluster, the Kafka brokers, Keycloak and DNS (in production also the trace
 * collector), and nothing else; only
 * referral-service also reaches public HTTPS addresses, for the webhooks it delivers.
 */
class NetworkPolicyTest {

    private static final Set<String> DATA_PLANE = Set.of(
            "{cnpg.io/cluster=refnet-db}:5432",
            "{strimzi.io/broker-role=true, strimzi.io/cluster=refnet-kafka}:9092",
            "{app.kubernetes.io/managed-by=keycloak-operator}:8080",
            "namespace {kubernetes.io/metadata.name=kube-system} {k8s-app=kube-dns}:53");

    /** Production's monitoring: the spans go to the trace collector. */
    private static final String TRACE_COLLECTOR = "namespace {kubernetes.io/metadata.name=monitoring} {}:9411";

    /** The policies whose pod selector picks the pods of a Deployment (matchLabels only, as ours are written). */
    private static List<ObjectNode> policiesSelecting(List<ObjectNode> documents, JsonNode podLabels) {
        List<ObjectNode> selecting = new ArrayList<>();
        for (ObjectNode policy : Deploy.ofKind(documents, "NetworkPolicy")) {
            JsonNode selector = policy.at("/spec/podSelector");
            boolean all = true;
            for (Map.Entry<String, JsonNode> label : selector.path("matchLabels").properties()) {
                all &= label.getValue().asText().equals(podLabels.path(label.getKey()).asText());
            }
            if (all && !selector.has("matchExpressions")) {
                selecting.add(policy);
            }
        }
        return selecting;
    }

    private static Set<String> egressPeers(List<ObjectNode> policies) {
        Set<String> peers = new TreeSet<>();
        for (ObjectNode policy : policies) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                assertFalse(rule.path("to").isEmpty(), Manifests.name(policy) + " allows egress to anywhere");
                for (JsonNode to : rule.path("to")) {
                    for (JsonNode port : rule.path("ports")) {
                        peers.add(peer(to) + ":" + port.path("port").asText());
                    }
                }
            }
        }
        return peers;
    }

    private static String peer(JsonNode to) {
        if (to.has("ipBlock")) {
            return "ipBlock " + to.at("/ipBlock/cidr").asText();
        }
        String pods = new TreeSet<>(labels(to.at("/podSelector/matchLabels"))).toString().replace('[', '{')
                .replace(']', '}');
        return to.has("namespaceSelector")
                ? "namespace " + new TreeSet<>(labels(to.at("/namespaceSelector/matchLabels"))).toString()
                        .replace('[', '{').replace(']', '}') + " " + pods
                : pods;
    }

    private static List<String> labels(JsonNode matchLabels) {
        List<String> labels = new ArrayList<>();
        matchLabels.properties().forEach(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
        return labels;
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void eachServiceReachesOnlyTheDataPlaneAndReferralsAlsoPublicHttps(String kustomization) {
        List<ObjectNode> documents = Deploy.rendered(kustomization);
        for (String service : Deploy.SERVICES) {
            JsonNode podLabels = Deploy.one(documents, "Deployment", service).at("/spec/template/metadata/labels");
            List<ObjectNode> policies = policiesSelecting(documents, podLabels);
            assertTrue(policies.stream().anyMatch(p -> "default-deny".equals(p.at("/metadata/name").asText())));

            Set<String> expected = new TreeSet<>(DATA_PLANE);
            if (kustomization.equals("overlays/production")) {
                expected.add(TRACE_COLLECTOR);
            }
            if (service.equals("referral-service")) {
                expected.add("ipBlock 0.0.0.0/0:443");
            }
            assertEquals(expected, egressPeers(policies), service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void theWebhookEgressExcludesThePrivateRangesAndTheMetadataAddress(String kustomization) {
        JsonNode except = Deploy.one(Deploy.rendered(kustomization), "NetworkPolicy", "referral-service-webhooks")
                .at("/spec/egress/0/to/0/ipBlock/except");
        Set<String> excluded = new TreeSet<>();
        except.forEach(cidr -> excluded.add(cidr.asText()));

        assertTrue(excluded.containsAll(Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16")),
                excluded.toString());
    }
}
