package ba.refnet.chassis.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was made of bearer tokens whose signature and claims were verified a moment ago, so that a caller who sends
 * the same token again is not verified again (the JSON parsing and the RSA check were a third of a GET's cost).
 *
 * <p>Keyed by the whole token: only the very same token finds an entry, and what it finds was built from that token
 * alone, so no caller can be given another's identity. An entry lives until the token expires or for the time to
 * live, whichever is sooner: a key the identity provider stops publishing is noticed within that time. Bounded: a
 * full cache drops its expired entries, and everything if that is not enough.
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T value, Instant until) {
    }

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Duration timeToLive;
    private final int maxSize;

    public VerifiedTokens(Duration timeToLive, int maxSize) {
        this.timeToLive = timeToLive;
        this.maxSize = maxSize;
    }

    /** The value remembered for this token, if it is still valid at {@code now}. */
    public T get(String token, Instant now) {
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(token, entry);
            return null;
        }
        return entry.value();
    }

    /** Remembers what a verified token gave, until it expires ({@code expiresAt}) or the time to live ends. */
    public void put(String token, T value, Instant expiresAt, Instant now) {
        Instant until = now.plus(timeToLive);
        if (expiresAt != null && expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(token, new Entry<>(value, until));
    }

    public int size() {
        return entries.size();
    }
}
