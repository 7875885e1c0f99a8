package ba.refnet.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The production realm, derived from the local one (deploy/keycloak/refnet-realm.json) so that there is one realm
 * definition: the same roles, clients, mappers and user profile, without the demo parts and with what a realm holding
 * data about children and families needs.
 *
 * <ul>
 *   <li>no demo people: only the partner clients' service accounts remain (they carry the partners' org_id);</li>
 *   <li>the partner clients' secrets are placeholders {@code ${PARTNER_<CLIENT>_SECRET}}, resolved by Keycloak when
 *       it imports the realm (the operator from a Secret, {@code kc.sh --import-realm} from the environment);</li>
 *   <li>TLS required for every address outside the host's private networks ({@code sslRequired} external);</li>
 *   <li>public clients only with the authorization code flow and PKCE (S256): no password grant, no implicit flow,
 *       redirects only to the services' public addresses;</li>
 *   <li>a password policy, brute-force protection with growing waits, login and admin events kept for 90 days;</li>
 *   <li>a second factor (TOTP) for every role that reads personal data of children and families
 *       ({@link #SECOND_FACTOR_ROLES}): those roles include {@link #SECOND_FACTOR_ROLE}, and the browser flow asks
 *       for a one-time code from every user who has it; a user without an authenticator app is made to set one up
 *       at the next login.</li>
 * </ul>
 */
public final class ProductionRealm {

    /** The roles whose holders read names, identity numbers and notes of cases (case-service, referral-service). */
    public static final List<String> SECOND_FACTOR_ROLES = List.of("case-worker", "org-admin");
    public static final String SECOND_FACTOR_ROLE = "second-factor-required";
    public static final String BROWSER_FLOW = "refnet browser";
    public static final String PASSWORD_POLICY = "length(12) and maxLength(128) and upperCase(1) and lowerCase(1)"
            + " and digits(1) and notUsername and notEmail and passwordHistory(5)";

    private static final String FORMS_FLOW = "refnet browser forms";
    private static final String SECOND_FACTOR_FLOW = "refnet second factor";
    private static final String SECOND_FACTOR_CONDITION = "refnet has " + SECOND_FACTOR_ROLE;
    private static final int NINETY_DAYS = 90 * 24 * 3600;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProductionRealm() {
    }

    /**
     * The production realm for the local one; {@code redirectUris} are the public addresses the interactive tools
     * (Swagger UI) may return to after a login.
     */
    public static ObjectNode derive(JsonNode local, List<String> redirectUris) {
        ObjectNode realm = local.deepCopy();
        realm.put("sslRequired", "external");
        realm.put("registrationAllowed", false);
        realm.put("passwordPolicy", PASSWORD_POLICY);
        bruteForceProtection(realm);
        events(realm);
        keepOnlyServiceAccounts(realm);
        for (JsonNode client : realm.path("clients")) {
            ObjectNode c = (ObjectNode) client;
            if (c.path("publicClient").asBoolean()) {
                authorizationCodeWithPkceOnly(c, redirectUris);
            } else if (c.has("secret")) {
                c.put("secret", "${" + secretPlaceholder(c.path("clientId").asText()) + "}");
            }
        }
        secondFactor(realm);
        return realm;
    }

    /**
     * Where the interactive tools may return after a login: {@code https://<host>/*} for every host of the production
     * overlay's Ingress except Keycloak's own.
     */
    public static List<String> redirectUris(Path ingressYaml, String keycloakHost) throws IOException {
        JsonNode ingress = new ObjectMapper(new YAMLFactory()).readTree(ingressYaml.toFile());
        List<String> uris = new ArrayList<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            String host = rule.path("host").asText();
            if (!host.isEmpty() && !host.equals(keycloakHost)) {
                uris.add("https://" + host + "/*");
            }
        }
        return uris;
    }

    /** The placeholder of a confidential client's secret: partner-csr-mostar → PARTNER_CSR_MOSTAR_SECRET. */
    public static String secretPlaceholder(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    public static String text(JsonNode realm) {
        try {
            return JSON.writeValueAsString(realm) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bruteForceProtection(ObjectNode realm) {
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 5);
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("maxDeltaTimeSeconds", 43200);
        realm.put("quickLoginCheckMilliSeconds", 1000);
        realm.put("minimumQuickLoginWaitSeconds", 60);
    }

    private static void events(ObjectNode realm) {
        realm.put("eventsEnabled", true);
        realm.put("eventsExpiration", NINETY_DAYS);
        realm.put("adminEventsEnabled", true);
        realm.put("adminEventsDetailsEnabled", false);
    }

    private static void keepOnlyServiceAccounts(ObjectNode realm) {
        ArrayNode kept = realm.arrayNode();
        for (JsonNode user : realm.path("users")) {
            if (user.hasNonNull("serviceAccountClientId")) {
                kept.add(user);
            }
        }
        realm.set("users", kept);
    }

    private static void authorizationCodeWithPkceOnly(ObjectNode client, List<String> redirectUris) {
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("serviceAccountsEnabled", false);
        client.withObject("attributes").put("pkce.code.challenge.method", "S256");
        ArrayNode uris = client.putArray("redirectUris");
        redirectUris.forEach(uris::add);
    }

    private static void secondFactor(ObjectNode realm) {
        ArrayNode roles = realm.withObject("roles").withArray("realm");
        roles.addObject().put("name", SECOND_FACTOR_ROLE).put("description",
                "Logs in with a one-time code as well as the password (held through the roles that read personal data)");
        for (JsonNode role : roles) {
            if (SECOND_FACTOR_ROLES.contains(role.path("name").asText())) {
                ObjectNode r = (ObjectNode) role;
                r.put("composite", true);
                r.withObject("composites").withArray("realm").add(SECOND_FACTOR_ROLE);
            }
        }
        realm.put("browserFlow", BROWSER_FLOW);
        ArrayNode flows = realm.putArray("authenticationFlows");
        ObjectNode browser = flow(flows, BROWSER_FLOW, "Cookie or password, then a one-time code for "
                + SECOND_FACTOR_ROLE, true);
        execution(browser, "auth-cookie", "ALTERNATIVE", 10);
        execution(browser, "identity-provider-redirector", "ALTERNATIVE", 25);
        subflow(browser, FORMS_FLOW, "ALTERNATIVE", 30);
        ObjectNode forms = flow(flows, FORMS_FLOW, "Username and password, then the second factor", false);
        execution(forms, "auth-username-password-form", "REQUIRED", 10);
        subflow(forms, SECOND_FACTOR_FLOW, "CONDITIONAL", 20);
        ObjectNode otp = flow(flows, SECOND_FACTOR_FLOW, "A one-time code for users with " + SECOND_FACTOR_ROLE,
                false);
        execution(otp, "conditional-user-role", "REQUIRED", 10).put("authenticatorConfig", SECOND_FACTOR_CONDITION);
        execution(otp, "auth-otp-form", "REQUIRED", 20);
        realm.putArray("authenticatorConfig").addObject()
                .put("alias", SECOND_FACTOR_CONDITION)
                .putObject("config").put("condUserRole", SECOND_FACTOR_ROLE).put("negate", "false");
    }

    private static ObjectNode flow(ArrayNode flows, String alias, String description, boolean topLevel) {
        ObjectNode flow = flows.addObject()
                .put("alias", alias)
                .put("description", description)
                .put("providerId", "basic-flow")
                .put("topLevel", topLevel)
                .put("builtIn", false);
        flow.putArray("authenticationExecutions");
        return flow;
    }

    private static ObjectNode execution(ObjectNode flow, String authenticator, String requirement, int priority) {
        return flow.withArray("authenticationExecutions").addObject()
                .put("authenticator", authenticator)
                .put("authenticatorFlow", false)
                .put("requirement", requirement)
                .put("priority", priority)
                .put("userSetupAllowed", false);
    }

    private static void subflow(ObjectNode flow, String alias, String requirement, int priority) {
        flow.withArray("authenticationExecutions").addObject()
                .put("flowAlias", alias)
                .put("authenticatorFlow", true)
                .put("requirement", requirement)
                .put("priority", priority)
                .put("userSetupAllowed", false);
    }
}
