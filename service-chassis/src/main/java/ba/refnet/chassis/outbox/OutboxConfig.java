package ba.refnet.chassis.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "refnet.outbox")
public interface OutboxConfig {
    /** Off in services that publish nothing. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("200")
    int batchSize();

    /**
     * How often the relay looks for rows when nobody woke it. A commit in this process wakes it at once; the poll
     * only finds rows a stopped replica left behind, so it can be slow and cost nothing at rest.
     */
    @WithDefault("5s")
    Duration pollInterval();

    /** How long the relay waits for the broker's acknowledgement of a batch before it retries. */
    @WithDefault("20s")
    Duration ackTimeout();

    /**
     * How long a sent row stays in {@code outbox_event} before the chassis' purge removes it. The event itself is
     * in Kafka by then; the row only helps to look into what was published lately. Unsent rows are never purged.
     */
    @WithDefault("P7D")
    Duration retention();
}
