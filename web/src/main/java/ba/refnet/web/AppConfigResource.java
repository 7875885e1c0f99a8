package ba.refnet.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The app's one dynamic answer: the addresses it needs at start. Public on purpose: they are the addresses the
 * browser is about to call anyway, and the app needs them before anyone has signed in.
 */
@Path("/config.json")
public class AppConfigResource {

    /** What the browser reads before it signs in. */
    public record AppConfig(String keycloakUrl, String realm, String clientId, Services services) {
    }

    public record Services(String registry, String cases, String referrals, String reporting) {
    }

    @Inject
    WebConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response appConfig() {
        WebConfig.Services s = config.services();
        AppConfig body = new AppConfig(trimmed(config.keycloakUrl()), config.realm(), config.clientId(),
                new Services(trimmed(s.registry()), trimmed(s.cases()), trimmed(s.referrals()), trimmed(s.reporting())));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).build();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
