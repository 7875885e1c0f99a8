package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WaitingTimesTest {

    /** Referrals that all waited this many hours, in a bucket of their own. */
    private static WaitingTimes add(WaitingTimes times, int hours, long referrals) {
        return times.add(hours, referrals, referrals * hours * 3600L);
    }

    @Test
    void theMedianOfAnEvenNumberLiesBetweenTheMiddleTwoAsInPercentileCont() {
        WaitingTimes times = new WaitingTimes();
        for (int hours = 1; hours <= 4; hours++) {
            add(times, hours, 1);
        }
        assertEquals(2.5, times.percentileHours(0.5), 1e-9);
    }

    @Test
    void theNinetiethPercentileIsInterpolatedBetweenRanks() {
        // 1..10 hours: rank 8.1 lies a tenth of the way from 9 h to 10 h
        WaitingTimes times = new WaitingTimes();
        for (int hours = 10; hours >= 1; hours--) {
            add(times, hours, 1);
        }
        assertEquals(9.1, times.percentileHours(0.9), 1e-9);
        WaitingTimes skewed = add(add(new WaitingTimes(), 1, 9), 100, 1);
        assertEquals(1.0, skewed.percentileHours(0.5), 1e-9);
        assertEquals(100.0, skewed.percentileHours(1.0), 1e-9);
    }

    @Test
    void aBucketStandsForItsMeanAndHistogramsAddUp() {
        // two referrals of 2 h and 4 h share a bucket: each counts as 3 h
        WaitingTimes times = new WaitingTimes().add(7, 2, 6 * 3600L).add(7, 1, 3 * 3600L).add(9, 0, 0);
        assertEquals(3, times.total());
        assertEquals(3.0, times.percentileHours(0.5), 1e-9);
    }

    @Test
    void withoutTimesThereIsNoPercentile() {
        assertNull(new WaitingTimes().percentileHours(0.5));
        assertThrows(IllegalArgumentException.class, () -> new WaitingTimes().add(10, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new WaitingTimes().percentileHours(1.5));
    }

    @Test
    void takingTheLeftOutDaysOutOfAMonthLeavesThePeriodsTimes() {
        WaitingTimes month = new WaitingTimes();
        add(add(add(month, 1, 1), 2, 2), 10, 1);
        month.remove(10, 1, 10 * 3600L).remove(2, 1, 2 * 3600L);
        assertEquals(2, month.total());
        assertEquals(1.5, month.percentileHours(0.5), 1e-9);
    }

    @Test
    void aHistogramCannotGiveUpReferralsItDoesNotHold() {
        WaitingTimes times = add(new WaitingTimes(), 3, 1);
        assertThrows(IllegalArgumentException.class, () -> times.remove(3, 2, 6 * 3600L));
        assertThrows(IllegalArgumentException.class, () -> times.remove(4, 1, 4 * 3600L));
    }
}
