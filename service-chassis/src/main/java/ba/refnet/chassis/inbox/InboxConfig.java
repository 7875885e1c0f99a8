package ba.refnet.chassis.inbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "refnet.inbox")
public interface InboxConfig {

    /**
     * How long a {@code processed_event} row is kept before the chassis' purge removes it. A row must outlive every
     * copy of its event on the broker: a consumer group that replays a topic (its offsets reset or expired) meets
     * old events again, and only the row tells it they were applied. The platform keeps topics for ever
     * ({@code log.retention.hours=-1} in {@code deploy/kafka/server.properties}, so that reporting can rebuild
     * from the start), so by default nothing is purged; a deployment whose topics expire sets this longer than the
     * longest topic retention (Kafka's {@code retention.ms}).
     */
    Optional<Duration> retention();
}
