package ba.refnet.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the browser finds Keycloak and the four services; deploy/platform.sh sets them for its ports. */
@ConfigMapping(prefix = "refnet.web")
public interface WebConfig {

    /** Keycloak's base URL as the browser reaches it. */
    @WithDefault("http://localhost:18080")
    String keycloakUrl();

    @WithDefault("refnet")
    String realm();

    /** The realm's public client for the app (authorization code with PKCE). */
    @WithDefault("refnet-web")
    String clientId();

    Services services();

    interface Services {
        @WithDefault("http://localhost:8081")
        String registry();

        @WithDefault("http://localhost:8082")
        String cases();

        @WithDefault("http://localhost:8083")
        String referrals();

        @WithDefault("http://localhost:8084")
        String reporting();
    }
}
