package ba.refnet.chassis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aTokenFindsOnlyWhatItGaveItself() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 10);
        tokens.put("token-of-csr", "csr", NOW.plusSeconds(900), NOW);
        assertEquals("csr", tokens.get("token-of-csr", NOW.plusSeconds(1)));
        assertNull(tokens.get("token-of-sos", NOW.plusSeconds(1)));
        assertNull(tokens.get("token-of-csr-tampered", NOW.plusSeconds(1)));
    }

    @Test
    void anEntryEndsWithItsTimeToLive() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 10);
        tokens.put("t", "csr", NOW.plusSeconds(900), NOW);
        assertEquals("csr", tokens.get("t", NOW.plusSeconds(59)));
        assertNull(tokens.get("t", NOW.plusSeconds(60)));
        assertEquals(0, tokens.size());
    }

    @Test
    void anEntryNeverOutlivesItsToken() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 10);
        tokens.put("t", "csr", NOW.plusSeconds(5), NOW);
        assertEquals("csr", tokens.get("t", NOW.plusSeconds(4)));
        assertNull(tokens.get("t", NOW.plusSeconds(5)));
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 10);
        tokens.put("t", "csr", NOW.minusSeconds(1), NOW);
        assertEquals(0, tokens.size());
        assertNull(tokens.get("t", NOW));
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstAndStaysBounded() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 3);
        tokens.put("old", "a", NOW.plusSeconds(1), NOW);
        tokens.put("b", "b", null, NOW);
        tokens.put("c", "c", null, NOW);
        tokens.put("d", "d", null, NOW.plusSeconds(2));
        assertNull(tokens.get("old", NOW.plusSeconds(2)));
        assertEquals("b", tokens.get("b", NOW.plusSeconds(2)));
        assertEquals("d", tokens.get("d", NOW.plusSeconds(2)));
        tokens.put("e", "e", null, NOW.plusSeconds(2));
        assertEquals(1, tokens.size());
        assertEquals("e", tokens.get("e", NOW.plusSeconds(2)));
    }
}
