package ba.refnet.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operators' custom resources, checked against the {@code openAPIV3Schema} of their CustomResourceDefinitions
 * (deploy/kubernetes/crds), as the API server checks them: an unknown field is refused (the API server prunes it,
 * and kubectl's strict field validation makes that an error) unless the schema keeps unknown fields there
 * ({@code x-kubernetes-preserve-unknown-fields}), as Strimzi's free-form {@code config} does.
 */
public final class CrdSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    private final Map<String, JsonSchema> byKind;

    private CrdSchemas(Map<String, JsonSchema> byKind) {
        this.byKind = byKind;
    }

    /** Every served version of every CRD in the YAML files under {@code folder}. */
    public static CrdSchemas load(Path folder) {
        Map<String, JsonSchema> schemas = new HashMap<>();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(CrdSchemas::isYaml).sorted().toList()) {
                for (ObjectNode crd : Manifests.parse(Files.readString(file))) {
                    if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (!version.path("served").asBoolean()) {
                            continue;
                        }
                        ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        strict(withTypeAndMetadata(schema));
                        schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                                FACTORY.getSchema(schema, config));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs in " + folder, e);
        }
        return new CrdSchemas(schemas);
    }

    public boolean knows(String apiVersion, String kind) {
        return byKind.containsKey(apiVersion + "/" + kind);
    }

    public List<Violation> check(ObjectNode document) {
        JsonSchema schema = byKind.get(document.path("apiVersion").asText() + "/" + document.path("kind").asText());
        if (schema == null) {
            throw new IllegalArgumentException("no CRD for " + Manifests.name(document));
        }
        return schema.validate(document).stream()
                .map(message -> violation(document, message))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
    }

    private static Violation violation(ObjectNode document, ValidationMessage message) {
        String field = dotted(message.getInstanceLocation().toString());
        String property = message.getProperty();
        if (property != null && "additionalProperties".equals(message.getType())) {
            field = field.isEmpty() ? property : field + "." + property;
        }
        return new Violation(Manifests.name(document), field, message.getMessage());
    }

    /** {@code /spec/listeners/0/port} as {@code spec.listeners[0].port}. */
    private static String dotted(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }

    /**
     * The API server accepts apiVersion, kind and metadata on every resource (and checks metadata itself, see
     * KubernetesKinds), whether or not a CRD's schema declares them.
     */
    private static ObjectNode withTypeAndMetadata(ObjectNode schema) {
        ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties")
                : schema.putObject("properties");
        if (!properties.has("apiVersion")) {
            properties.putObject("apiVersion").put("type", "string");
        }
        if (!properties.has("kind")) {
            properties.putObject("kind").put("type", "string");
        }
        properties.putObject("metadata").put("type", "object");
        return schema;
    }

    /**
     * Kubernetes refuses fields a structural schema does not declare; JSON Schema allows them unless told. Every
     * object schema that declares its properties is closed here, except where the CRD keeps unknown fields.
     */
    private static JsonNode strict(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (object.has("properties") && !object.has("additionalProperties") && !preserves) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(CrdSchemas::strict);
        } else if (schema != null && schema.isArray()) {
            schema.forEach(CrdSchemas::strict);
        }
        return schema;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
