package ba.refnet.chassis.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a verified bearer token is taken as verified again without checking its signature. */
@ConfigMapping(prefix = "refnet.security.token-cache")
public interface TokenCacheConfig {

    @WithDefault("true")
    boolean enabled();

    /** At most this long, and never past the token's own expiry. */
    @WithDefault("60s")
    Duration timeToLive();

    @WithDefault("10000")
    int maxSize();
}
