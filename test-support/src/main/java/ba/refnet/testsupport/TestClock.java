package ba.refnet.testsupport;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in every service's tests (the chassis' {@code NetworkTime} yields its system clock to
 * it): the system's time until a test moves it forward, so that a rule about time passing is tested without
 * waiting for the time to pass. Background jobs see the moved time too; a test that moves it calls {@link #reset}
 * when it ends.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A clock of another zone, at this clock's present offset (it does not follow later moves). */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead);
    }
}
