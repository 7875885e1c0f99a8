package ba.refnet.deploy.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks rendered manifests as a cluster would before storing them: built-in kinds against kubernetes-model,
 * operator kinds against their CRDs. A kind this check knows nothing about is itself a violation, so that a new
 * kind cannot slip through unchecked.
 */
public final class ManifestValidator {

    private final CrdSchemas crds;

    public ManifestValidator(CrdSchemas crds) {
        this.crds = crds;
    }

    public List<Violation> check(List<ObjectNode> documents) {
        List<Violation> violations = new ArrayList<>();
        for (ObjectNode document : documents) {
            violations.addAll(check(document));
        }
        return violations;
    }

    public List<Violation> check(ObjectNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of(new Violation(Manifests.name(document), apiVersion.isEmpty() ? "apiVersion" : "kind",
                    "is missing"));
        }
        if (document.path("metadata").path("name").asText().isEmpty()) {
            return List.of(new Violation(Manifests.name(document), "metadata.name", "is missing"));
        }
        if (KubernetesKinds.knows(apiVersion, kind)) {
            return KubernetesKinds.check(document).map(List::of).orElse(List.of());
        }
        if (crds.knows(apiVersion, kind)) {
            List<Violation> violations = new ArrayList<>();
            KubernetesKinds.checkMetadata(document).ifPresent(violations::add);
            violations.addAll(crds.check(document));
            return violations;
        }
        return List.of(new Violation(Manifests.name(document), "apiVersion",
                "no schema for " + apiVersion + " " + kind + " (add its CRD to deploy/kubernetes/crds)"));
    }
}
