package ba.refnet.chassis.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers a bearer token that was verified a moment ago from {@link VerifiedTokens}, ahead of Quarkus OIDC; any
 * other token goes on to OIDC, whose verified identity the nested augmentor remembers.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    TokenCacheConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private VerifiedTokens<SecurityIdentity> verified;
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void init() {
        verified = new VerifiedTokens<>(config.timeToLive(), config.maxSize());
        hits = meters.counter("refnet.security.verified_tokens.lookups", "result", "hit");
        misses = meters.counter("refnet.security.verified_tokens.lookups", "result", "miss");
        meters.gauge("refnet.security.verified_tokens.size", verified, VerifiedTokens::size);
    }

    VerifiedTokens<SecurityIdentity> verified() {
        return verified;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before every other provider (OIDC's has the default, 1001), so that a known token is not verified again. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled() || !(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity known = verified.get(request.getToken().getToken(), clock.instant());
        if (known == null) {
            misses.increment();
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        return Uni.createFrom().item(forRequest(known, HttpSecurityUtils.getRoutingContextAttribute(request)));
    }

    /** The identity OIDC built names the request it came with: the one given out names the current request. */
    private static SecurityIdentity forRequest(SecurityIdentity known, RoutingContext current) {
        if (current == null) {
            return known;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(known);
        known.getAttributes().forEach((name, value) -> {
            if (value instanceof RoutingContext) {
                builder.addAttribute(name, current);
            }
        });
        return builder.build();
    }

    /** Remembers each identity OIDC verified from a bearer token, before any other augmentor changes it. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokenIdentityProvider provider;

        @Inject
        TokenCacheConfig config;

        @Inject
        Clock clock;

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            if (config.enabled() && token != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                Instant expiresAt = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null;
                Instant now = clock.instant();
                // augmentors also run for an identity the cache gave out: remembering it again would stretch the
                // entry's life past the time to live counted from the one verification
                if (provider.verified().get(token.getToken(), now) == null) {
                    provider.verified().put(token.getToken(), identity, expiresAt, now);
                }
            }
            return Uni.createFrom().item(identity);
        }
    }
}
