package ba.refnet.testsupport;

import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/**
 * Every documented endpoint has a role rule: none answers without a token or to a role it does not name.
 * A service's test extends this with {@code @QuarkusTest}; public operations are named by overriding
 * {@link #publicOperations()}.
 */
public abstract class EndpointSecurityContract {

    protected String[] publicOperations() {
        return new String[0];
    }

    @Test
    void everyEndpointNeedsAToken() {
        EndpointSecurity.everyOperationNeedsAToken(publicOperations());
    }

    @Test
    @TestSecurity(user = "stranger", roles = "no-such-role")
    void everyEndpointRefusesARoleItDoesNotName() {
        EndpointSecurity.everyOperationRefusesAnUnknownRole(publicOperations());
    }
}
