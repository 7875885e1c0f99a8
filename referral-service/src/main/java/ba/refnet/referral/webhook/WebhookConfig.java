package ba.refnet.referral.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "refnet.webhooks")
public interface WebhookConfig {
    /** How often the dispatcher looks for due deliveries. */
    @WithDefault("10s")
    String dispatchEvery();

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("30s")
    Duration backoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** Attempts before a delivery is given up (it stays in the log as failed). */
    @WithDefault("8")
    int maxAttempts();

    @WithDefault("10s")
    Duration timeout();

    /** Subscriptions must use https; the local platform and tests switch this off for loopback receivers. */
    @WithDefault("true")
    boolean requireHttps();
}
