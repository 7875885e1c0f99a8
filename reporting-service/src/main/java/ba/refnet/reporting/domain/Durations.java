package ba.refnet.reporting.domain;

/** Median and 90th percentile of a waiting time in hours, over {@code referrals} referrals (null when none, or withheld when too few). */
public record Durations(Double medianHours, Double p90Hours, Long referrals) {
}
