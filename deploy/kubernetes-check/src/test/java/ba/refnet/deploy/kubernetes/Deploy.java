package ba.refnet.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/** The repository's deploy folder and its kustomizations, each rendered once per test run. */
final class Deploy {

    static final Path FOLDER = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    static final Path KUBERNETES = FOLDER.resolve("kubernetes");
    static final List<String> SERVICES =
            List.of("organization-registry-service", "case-service", "referral-service", "reporting-service");

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();
    private static CrdSchemas crds;

    private Deploy() {
    }

    /** The documents of {@code base}, {@code overlays/local} or {@code overlays/production}. */
    static List<ObjectNode> rendered(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization,
                k -> Manifests.parse(Kustomize.render(KUBERNETES.resolve(k))));
    }

    static synchronized CrdSchemas crds() {
        if (crds == null) {
            crds = CrdSchemas.load(KUBERNETES.resolve("crds"));
        }
        return crds;
    }

    static List<ObjectNode> ofKind(List<ObjectNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static ObjectNode one(List<ObjectNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream()
                .filter(d -> name.equals(d.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
