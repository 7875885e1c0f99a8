package ba.refnet.contracts.common;

/**
 * A person concerned by an event, without identity: an opaque member id, an age band and sex.
 *
 * @param ageBand {@code child} (0-14), {@code youth} (15-24) or {@code adult}; boundaries are the case service's
 * @param sex {@code female}, {@code male} or {@code unknown}
 */
public record Person(String memberId, String role, String ageBand, String sex) {
}
