package ba.refnet.referral.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampAndBodyWithHmacSha256() {
        // expected value computed independently: hmac.new(b"s3cret", b'1700000000.{"a":1}', sha256)
        assertEquals("sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940",
                WebhookSignature.sign("s3cret", 1700000000L, "{\"a\":1}"));
    }

    @Test
    void secretsAreRandomAndLongEnough() {
        String one = WebhookSignature.newSecret();
        assertEquals(43, one.length(), "32 bytes in URL-safe Base64");
        assertNotEquals(one, WebhookSignature.newSecret());
    }
}
