package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The realm the cluster imports in production (the rendered production overlay) is the local realm without its demo
 * parts and hardened as {@link ProductionRealm} promises, and the committed files are what the generator writes.
 */
class ProductionRealmTest {

    private static final Path LOCAL = Deploy.FOLDER.resolve("keycloak/refnet-realm.json");
    private static final Path PRODUCTION = Deploy.FOLDER.resolve("keycloak/refnet-realm-production.json");
    private static final Path PATCH = Deploy.KUBERNETES.resolve("overlays/production/realm-production.yaml");
    private static final Path INGRESS = Deploy.KUBERNETES.resolve("overlays/production/ingress.yaml");
    private static final String KEYCLOAK_HOST = "id.refnet.example";
    private static final boolean WRITE = Boolean.getBoolean("refnet.write-realm-import");

    private final JsonNode local = read(LOCAL);
    private final JsonNode imported = Deploy.one(Deploy.rendered("overlays/production"), "KeycloakRealmImport",
            RealmImport.NAME).path("spec");
    private final JsonNode realm = imported.path("realm");

    @Test
    void theCommittedProductionRealmIsDerivedFromTheLocalOne() throws IOException {
        String expected = ProductionRealm.text(ProductionRealm.derive(local,
                ProductionRealm.redirectUris(INGRESS, KEYCLOAK_HOST)));
        if (WRITE) {
            Files.writeString(PRODUCTION, expected);
        }
        assertEquals(expected, Files.readString(PRODUCTION), PRODUCTION + " no longer matches " + LOCAL
                + ": write it again with -Drefnet.write-realm-import=true (see " + PATCH.getFileName() + ")");
    }

    @Test
    void theProductionOverlayImportsTheCommittedProductionRealm() throws IOException {
        String expected = RealmImport.renderProductionPatch(PRODUCTION);
        if (WRITE) {
            Files.writeString(PATCH, expected);
        }
        assertEquals(expected, Files.readString(PATCH), PATCH + " no longer matches " + PRODUCTION
                + ": write it again with -Drefnet.write-realm-import=true (see the file's first lines)");
        assertEquals(read(PRODUCTION), realm);
    }

    @Test
    void itIsTheLocalRealmsDefinition() {
        assertEquals(local.path("realm"), realm.path("realm"));
        assertEquals(local.path("components"), realm.path("components"), "the same user profile (org_id)");
        assertEquals(ids(local.path("clients"), "clientId"), ids(realm.path("clients"), "clientId"));
        for (JsonNode role : local.at("/roles/realm")) {
            assertTrue(ids(realm.at("/roles/realm"), "name").contains(role.path("name").asText()));
        }
    }

    @Test
    void noDemoUserOnlyThePartnersServiceAccounts() {
        assertFalse(realm.path("users").isEmpty());
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), user.path("username") + " is not a service account");
            assertFalse(user.has("credentials"), user.path("username") + " has a password");
        }
    }

    @Test
    void partnerSecretsComeFromTheSecret() {
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("publicClient").asBoolean()) {
                String clientId = client.path("clientId").asText();
                String placeholder = ProductionRealm.secretPlaceholder(clientId);
                assertEquals("${" + placeholder + "}", client.path("secret").asText(), clientId);
                assertEquals(RealmImport.CLIENT_SECRETS, imported.at("/placeholders/" + placeholder + "/secret/name")
                        .asText(), placeholder);
                assertEquals(clientId, imported.at("/placeholders/" + placeholder + "/secret/key").asText());
            }
        }
    }

    @Test
    void tlsIsRequiredFromOutside() {
        assertEquals("external", realm.path("sslRequired").asText());
    }

    @Test
    void publicClientsUseTheAuthorizationCodeWithPkceOnly() {
        List<JsonNode> publicClients = Deploy.list(realm.path("clients")).stream()
                .filter(c -> c.path("publicClient").asBoolean()).toList();
        assertFalse(publicClients.isEmpty());
        for (JsonNode client : publicClients) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id + ": password grant");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(true), id + ": implicit flow");
            assertTrue(client.path("standardFlowEnabled").asBoolean(), id + ": authorization code");
            assertEquals("S256", client.at("/attributes/pkce.code.challenge.method").asText(), id);
            assertFalse(client.path("redirectUris").isEmpty());
            for (JsonNode uri : client.path("redirectUris")) {
                assertTrue(uri.asText().startsWith("https://") && !uri.asText().contains("localhost"), uri.asText());
            }
        }
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(false), client.path("clientId").asText());
        }
    }

    @Test
    void passwordsFollowAPolicyAndGuessingIsSlowedDown() {
        String policy = realm.path("passwordPolicy").asText();
        assertTrue(policy.contains("length(12)"), policy);
        assertTrue(policy.contains("notUsername"), policy);
        assertTrue(policy.contains("passwordHistory("), policy);
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertTrue(realm.path("failureFactor").asInt() > 0 && realm.path("failureFactor").asInt() <= 10);
        assertTrue(realm.path("waitIncrementSeconds").asInt() > 0);
    }

    @Test
    void everyRoleThatReadsPersonalDataLogsInWithASecondFactor() {
        Map<String, JsonNode> roles = byKey(realm.at("/roles/realm"), "name");
        for (String role : ProductionRealm.SECOND_FACTOR_ROLES) {
            assertTrue(Deploy.list(roles.get(role).at("/composites/realm")).stream()
                    .anyMatch(r -> ProductionRealm.SECOND_FACTOR_ROLE.equals(r.asText())), role);
        }
        for (String role : List.of("coordinator", "analyst", "network-admin", "partner-system")) {
            assertFalse(roles.get(role).path("composite").asBoolean(), role + " reads no personal data");
        }

        Map<String, JsonNode> flows = byKey(realm.path("authenticationFlows"), "alias");
        JsonNode browser = flows.get(realm.path("browserFlow").asText());
        assertTrue(browser.path("topLevel").asBoolean());
        JsonNode forms = flows.get(subflows(browser).getFirst().path("flowAlias").asText());
        assertTrue(executions(forms).contains("auth-username-password-form"));
        JsonNode conditional = subflows(forms).stream()
                .filter(e -> "CONDITIONAL".equals(e.path("requirement").asText())).findFirst().orElseThrow();
        JsonNode otp = flows.get(conditional.path("flowAlias").asText());
        assertEquals(List.of("conditional-user-role", "auth-otp-form"), executions(otp));
        for (JsonNode execution : otp.path("authenticationExecutions")) {
            assertEquals("REQUIRED", execution.path("requirement").asText());
        }
        String configAlias = otp.at("/authenticationExecutions/0/authenticatorConfig").asText();
        JsonNode config = byKey(realm.path("authenticatorConfig"), "alias").get(configAlias);
        assertEquals(ProductionRealm.SECOND_FACTOR_ROLE, config.at("/config/condUserRole").asText());
        assertEquals("false", config.at("/config/negate").asText());
    }

    @Test
    void theLocalRealmKeepsItsDemoParts() {
        assertEquals("none", local.path("sslRequired").asText());
        assertTrue(Deploy.list(local.path("users")).stream().anyMatch(u -> u.has("credentials")));
    }

    private static List<String> executions(JsonNode flow) {
        return Deploy.list(flow.path("authenticationExecutions")).stream()
                .filter(e -> e.has("authenticator")).map(e -> e.path("authenticator").asText()).toList();
    }

    private static List<JsonNode> subflows(JsonNode flow) {
        return Deploy.list(flow.path("authenticationExecutions")).stream()
                .filter(e -> e.path("authenticatorFlow").asBoolean()).toList();
    }

    private static List<String> ids(JsonNode array, String field) {
        return Deploy.list(array).stream().map(n -> n.path(field).asText()).toList();
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String field) {
        return Deploy.list(array).stream().collect(Collectors.toMap(n -> n.path(field).asText(), Function.identity()));
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
