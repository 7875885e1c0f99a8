package ba.refnet.reporting.domain;

import java.util.TreeMap;

/**
 * A histogram of waiting times: per bucket (ordered as the times are), how many referrals and their seconds. Its
 * percentiles are interpolated as PostgreSQL's {@code percentile_cont} does over the individual times, with every
 * time in a bucket taken as the bucket's mean: exact when a bucket's times are equal, else within its width.
 */
public final class WaitingTimes {

    private record Bucket(long referrals, long seconds) {
    }

    private final TreeMap<Integer, Bucket> buckets = new TreeMap<>();
    private long total;

    public WaitingTimes add(int bucket, long referrals, long seconds) {
        if (referrals < 0) {
            throw new IllegalArgumentException("a histogram cannot hold " + referrals + " referrals");
        }
        if (referrals > 0) {
            buckets.merge(bucket, new Bucket(referrals, seconds),
                    (a, b) -> new Bucket(a.referrals() + b.referrals(), a.seconds() + b.seconds()));
            total += referrals;
        }
        return this;
    }

    /** Takes referrals out that the histogram holds: a month's histogram less the days a period leaves out. */
    public WaitingTimes remove(int bucket, long referrals, long seconds) {
        Bucket held = buckets.getOrDefault(bucket, new Bucket(0, 0));
        if (referrals < 0 || referrals > held.referrals()) {
            throw new IllegalArgumentException("bucket " + bucket + " holds " + held.referrals()
                    + " referrals, not " + referrals + " to take out");
        }
        if (referrals == held.referrals()) {
            buckets.remove(bucket);
        } else {
            buckets.put(bucket, new Bucket(held.referrals() - referrals, held.seconds() - seconds));
        }
        total -= referrals;
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
        return (lowerValue + (position - lower) * (upperValue - lowerValue)) / 3600.0;
    }

    /** The seconds of the referral at this 0-based rank in ascending order: its bucket's mean. */
    private double valueAt(long rank) {
        long seen = 0;
        for (Bucket bucket : buckets.values()) {
            seen += bucket.referrals();
            if (rank < seen) {
                return (double) bucket.seconds() / bucket.referrals();
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + total);
    }
}
