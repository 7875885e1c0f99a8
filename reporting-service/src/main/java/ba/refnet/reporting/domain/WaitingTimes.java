package ba.refnet.reporting.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * A histogram of waiting times in minutes (how many referrals waited each number of minutes), and its percentiles
 * computed as PostgreSQL's {@code percentile_cont} computes them over the individual times: so a median read from
 * the aggregates is the median of the facts, to the minute.
 */
public final class WaitingTimes {

    private final TreeMap<Integer, Long> referralsByMinutes = new TreeMap<>();
    private long total;

    public WaitingTimes add(int minutes, long referrals) {
        if (referrals < 0) {
            throw new IllegalArgumentException("a histogram cannot hold " + referrals + " referrals");
        }
        if (referrals > 0) {
            referralsByMinutes.merge(minutes, referrals, Long::sum);
            total += referrals;
        }
        return this;
    }

    public long total() {
        return total;
    }

    /** The continuous percentile in hours (0 ≤ fraction ≤ 1), or null without any time. */
    public Double percentileHours(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("a percentile lies between 0 and 1, not " + fraction);
        }
        if (total == 0) {
            return null;
        }
        double position = fraction * (total - 1);
        long lower = (long) Math.floor(position);
        double lowerValue = valueAt(lower);
        double upperValue = valueAt((long) Math.ceil(position));
        return (lowerValue + (position - lower) * (upperValue - lowerValue)) / 60.0;
    }

    /** The minutes of the referral at this 0-based rank in ascending order. */
    private double valueAt(long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : referralsByMinutes.entrySet()) {
            seen += bucket.getValue();
            if (rank < seen) {
                return bucket.getKey();
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + total);
    }
}
