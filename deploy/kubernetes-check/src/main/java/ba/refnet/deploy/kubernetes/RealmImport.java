package ba.refnet.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Keycloak operator's {@code KeycloakRealmImport} wrapping deploy/keycloak/refnet-realm.json, the one realm
 * definition the local platform imports too. The resource is committed (Kustomize cannot wrap a JSON file into a
 * field of a custom resource); {@code RealmImportTest} fails when it no longer matches the JSON and says how to
 * write it again.
 */
public final class RealmImport {

    static final String NAME = "refnet-realm";
    static final String KEYCLOAK = "refnet-keycloak";
    /** The Secret holding the partner clients' secrets, one key per client id. */
    public static final String CLIENT_SECRETS = "refnet-realm-client-secrets";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            // "900" stays a string when Kubernetes reads the YAML back
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private RealmImport() {
    }

    /** The resource's text for the realm JSON at {@code realmJson}. */
    public static String render(Path realmJson) throws IOException {
        JsonNode realm = JSON.readTree(realmJson.toFile());
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", NAME);
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK);
        spec.set("realm", realm);
        return """
                # GENERATED from deploy/keycloak/refnet-realm.json: do not edit. Write it again with
                #   ./mvnw -pl deploy/kubernetes-check -am verify -Dtest=RealmImportTest \\
                #     -Dsurefire.failIfNoSpecifiedTests=false -Drefnet.write-realm-import=true
                # (the operator imports a realm once; changes to an existing realm are made in Keycloak itself)
                """ + YAML.writeValueAsString(resource);
    }

    public static void write(Path realmJson, Path target) throws IOException {
        Files.writeString(target, render(realmJson));
    }

    /**
     * The production overlay's patch of the import: the realm replaced by the production realm (the file
     * {@code productionRealmJson}, itself derived from the local one by {@link ProductionRealm}), and each
     * confidential client's secret placeholder bound to its key in the Secret {@link #CLIENT_SECRETS}.
     */
    public static String renderProductionPatch(Path productionRealmJson) throws IOException {
        JsonNode realm = JSON.readTree(productionRealmJson.toFile());
        ArrayNode patch = JSON.createArrayNode();
        patch.addObject().put("op", "replace").put("path", "/spec/realm").set("value", realm);
        ObjectNode placeholders = patch.addObject().put("op", "add").put("path", "/spec/placeholders")
                .putObject("value");
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                String clientId = client.path("clientId").asText();
                placeholders.putObject(ProductionRealm.secretPlaceholder(clientId)).putObject("secret")
                        .put("name", CLIENT_SECRETS).put("key", clientId);
            }
        }
        return """
                # GENERATED from deploy/keycloak/refnet-realm-production.json (itself derived from refnet-realm.json):
                # do not edit. Write both again with
                #   ./mvnw -pl deploy/kubernetes-check -am verify -Dtest='RealmImportTest,ProductionRealmTest' \\
                #     -Dsurefire.failIfNoSpecifiedTests=false -Drefnet.write-realm-import=true
                """ + YAML.writeValueAsString(patch);
    }
}
