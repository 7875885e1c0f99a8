package ba.refnet.chassis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VerifiedTokenMechanismTest {

    @Test
    void theTokenIsWhatFollowsTheBearerScheme() {
        assertEquals("eyJ.abc.def", VerifiedTokenMechanism.bearerToken("Bearer eyJ.abc.def"));
        assertEquals("eyJ.abc.def", VerifiedTokenMechanism.bearerToken("bearer eyJ.abc.def"));
        assertEquals("eyJ.abc.def", VerifiedTokenMechanism.bearerToken("BEARER  eyJ.abc.def "));
    }

    @Test
    void anotherSchemeOrNoTokenIsNotLookedUp() {
        assertNull(VerifiedTokenMechanism.bearerToken(null));
        assertNull(VerifiedTokenMechanism.bearerToken("Basic cmFkbmlrOmRlbW8="));
        assertNull(VerifiedTokenMechanism.bearerToken("Bearer "));
        assertNull(VerifiedTokenMechanism.bearerToken("Bearer    "));
        assertNull(VerifiedTokenMechanism.bearerToken("Bearereyj.abc"));
    }
}
