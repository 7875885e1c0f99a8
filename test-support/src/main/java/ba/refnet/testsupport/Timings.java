package ba.refnet.testsupport;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of measured durations, printed one line per measurement, for the benchmarks. */
public final class Timings {

    private Timings() {
    }

    /** Runs the call this many times and returns how long each run took, in nanoseconds. */
    public static long[] measure(int runs, Runnable call) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** Sorts the nanoseconds and prints p50, p95, p99 and the maximum in milliseconds. */
    public static String summary(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(Locale.ROOT, "%-75s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d runs)", label,
                sorted[n / 2] / 1e6, sorted[Math.min(n - 1, n * 95 / 100)] / 1e6,
                sorted[Math.min(n - 1, n * 99 / 100)] / 1e6, sorted[n - 1] / 1e6, n);
    }
}
