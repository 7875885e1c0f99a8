package ba.refnet.chassis.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers a bearer token that Quarkus OIDC verified a moment ago from {@link VerifiedTokens}, before OIDC's own
 * mechanism sees the request; any other request goes on to OIDC, whose verified identity the nested augmentor
 * remembers.
 *
 * <p>A mechanism rather than an identity provider: OIDC's mechanism decodes the token's JSON on every request before
 * any provider is asked (to tell a JWT from an opaque token), 8 % of a warm {@code GET /referrals/{id}} (JFR,
 * {@code AccessTokenCredential.<init>}). Only the very same token finds an entry, so a hit is the identity OIDC
 * built from that token; challenges (the 401's {@code WWW-Authenticate}) stay OIDC's.
 */
@ApplicationScoped
public class VerifiedTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";

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

    /** Ahead of OIDC's mechanism (priority 1001 unless configured), so that a known token is not decoded again. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = config.enabled() ? bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION)) : null;
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity known = verified.get(token, clock.instant());
        if (known == null) {
            misses.increment();
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        return Uni.createFrom().item(forRequest(known, context));
    }

    /** The token of an {@code Authorization: Bearer <token>} header, else null. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** The identity OIDC built names the request it came with: the one given out names the current request. */
    private static SecurityIdentity forRequest(SecurityIdentity known, RoutingContext current) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(known);
        known.getAttributes().forEach((name, value) -> {
            if (value instanceof RoutingContext) {
                builder.addAttribute(name, current);
            }
        });
        return builder.build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Never challenges: OIDC's mechanism, next in line, sends the 401 and its {@code WWW-Authenticate}. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    /** Bearer tokens, as OIDC's mechanism; Quarkus checks that some identity provider takes them. */
    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /**
     * Remembers each identity OIDC verified from a bearer token as the request got it: after every other augmentor,
     * since a hit goes straight to the request and no augmentor runs on it again.
     */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokenMechanism mechanism;

        @Inject
        TokenCacheConfig config;

        @Inject
        Clock clock;

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            if (config.enabled() && token != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                Instant expiresAt = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null;
                Instant now = clock.instant();
                // remembered once per verification: an entry's life counts from the one verification that made it
                if (mechanism.verified().get(token.getToken(), now) == null) {
                    mechanism.verified().put(token.getToken(), identity, expiresAt, now);
                }
            }
            return Uni.createFrom().item(identity);
        }
    }
}
