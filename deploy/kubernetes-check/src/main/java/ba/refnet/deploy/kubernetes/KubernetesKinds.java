package ba.refnet.deploy.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in Kubernetes kinds the manifests use, checked by deserialising into fabric8's kubernetes-model
 * strictly: an unknown field, a wrong type or a string where the API wants a number is refused, as the API server
 * refuses it under kubectl's default strict field validation. (fabric8 keeps unknown fields in an "additional
 * properties" map; this mapper has no such map.)
 */
public final class KubernetesKinds {

    private static final Map<String, Class<?>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new NoLenience())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private KubernetesKinds() {
    }

    public static boolean knows(String apiVersion, String kind) {
        return KINDS.containsKey(apiVersion + "/" + kind);
    }

    /** The first reason the API server would refuse the document, if any. */
    public static Optional<Violation> check(ObjectNode document) {
        Class<?> type = KINDS.get(document.path("apiVersion").asText() + "/" + document.path("kind").asText());
        if (type == null) {
            throw new IllegalArgumentException("not a built-in kind of this check: " + Manifests.name(document));
        }
        return deserialise(document, type, Manifests.name(document), "");
    }

    /** The metadata of any resource, custom ones included: CRD schemas leave it to the API server. */
    public static Optional<Violation> checkMetadata(ObjectNode document) {
        if (!document.path("metadata").isObject()) {
            return Optional.of(new Violation(Manifests.name(document), "metadata", "is missing"));
        }
        return deserialise(document.get("metadata"), ObjectMeta.class, Manifests.name(document), "metadata");
    }

    private static Optional<Violation> deserialise(Object tree, Class<?> type, String resource, String prefix) {
        try {
            STRICT.convertValue(tree, type);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                return Optional.of(new Violation(resource, join(prefix, path(mapping.getPath())),
                        mapping.getOriginalMessage().lines().findFirst().orElse("")));
            }
            return Optional.of(new Violation(resource, prefix, e.getMessage()));
        }
    }

    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String join(String prefix, String path) {
        return prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
    }

    /** Takes away the model's catch-all map for unknown fields and any "ignore unknown" it declares. */
    private static final class NoLenience extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(
                com.fasterxml.jackson.databind.cfg.MapperConfig<?> config, Annotated annotated) {
            JsonIgnoreProperties.Value declared = super.findPropertyIgnoralByName(config, annotated);
            return annotated instanceof AnnotatedClass ? declared.withoutIgnoreUnknown() : declared;
        }
    }
}
