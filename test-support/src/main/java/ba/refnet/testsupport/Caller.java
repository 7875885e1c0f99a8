package ba.refnet.testsupport;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Someone else than the test's own caller, for the part of a test that builds what it needs: a case worker's test
 * has the organisation it searches for registered by a network administrator, as it would be for real. The test's
 * own caller ({@code @TestSecurity}, {@code @OidcSecurity}) is back as soon as the work is done. Only inside a
 * {@code @QuarkusTest} method that has a {@code @TestSecurity} of its own.
 */
public record Caller(String user, String role, String organizationId) {

    public static Caller of(String user, String role, String organizationId) {
        return new Caller(user, role, organizationId);
    }

    /** A caller whose token carries no organisation (a network administrator, an analyst). */
    public static Caller of(String user, String role) {
        return new Caller(user, role, null);
    }

    public <T> T call(Supplier<T> work) {
        TestIdentityAssociation association = Arc.container().instance(TestIdentityAssociation.class).get();
        SecurityIdentity own = association.getTestIdentity();
        association.setTestIdentity(identity());
        try {
            return work.get();
        } finally {
            association.setTestIdentity(own);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private SecurityIdentity identity() {
        Map<String, Object> claims = organizationId == null ? Map.of("sub", user)
                : Map.of("sub", user, "org_id", organizationId);
        return QuarkusSecurityIdentity.builder().setPrincipal(new Token(user, claims)).addRole(role).build();
    }

    /** The claims the services read from a verified access token, without a token. */
    private record Token(String name, Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
