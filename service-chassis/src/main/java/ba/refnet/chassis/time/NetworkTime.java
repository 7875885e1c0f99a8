package ba.refnet.chassis.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one source of "now" and of the network's calendar. Services inject {@link Clock} (never
 * {@code Clock.systemUTC()} or {@code Instant.now()}) so that time-dependent rules can be tested with a fixed or
 * moving clock; the network's time zone, in which days, deadlines and report periods are counted, is configured
 * once ({@code refnet.network.time-zone}).
 */
@ApplicationScoped
public class NetworkTime {

    private final Clock clock;
    private final ZoneId zone;

    NetworkTime(Clock clock, NetworkTimeConfig config) {
        this.clock = clock;
        this.zone = config.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Today's date in the network's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The system clock, unless a test declares its own {@link Clock} bean. */
    @Singleton
    static class SystemClock {

        @Produces
        @Singleton
        @DefaultBean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
