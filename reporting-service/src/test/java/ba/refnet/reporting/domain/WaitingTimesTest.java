package ba.refnet.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WaitingTimesTest {

    @Test
    void theMedianOfAnEvenNumberLiesBetweenTheMiddleTwoAsInPercentileCont() {
        WaitingTimes times = new WaitingTimes().add(60, 1).add(120, 1).add(180, 1).add(240, 1);
        assertEquals(2.5, times.percentileHours(0.5), 1e-9);
    }

    @Test
    void bucketsCountEveryReferralInThem() {
        // 1..10 hours, the ninetieth percentile interpolated at rank 8.1: 9 h + 0.1 h
        WaitingTimes times = new WaitingTimes();
        for (int hour = 10; hour >= 1; hour--) {
            times.add(hour * 60, 1);
        }
        assertEquals(9.1, times.percentileHours(0.9), 1e-9);
        WaitingTimes skewed = new WaitingTimes().add(30, 9).add(6000, 1);
        assertEquals(0.5, skewed.percentileHours(0.5), 1e-9);
        assertEquals(10, skewed.total());
        assertEquals(100.0, skewed.percentileHours(1.0), 1e-9);
    }

    @Test
    void histogramsAddUpAndEmptyBucketsDoNotCount() {
        WaitingTimes times = new WaitingTimes().add(180, 2).add(180, 1).add(600, 0);
        assertEquals(3, times.total());
        assertEquals(3.0, times.percentileHours(0.9), 1e-9);
    }

    @Test
    void withoutTimesThereIsNoPercentile() {
        assertNull(new WaitingTimes().percentileHours(0.5));
        assertThrows(IllegalArgumentException.class, () -> new WaitingTimes().add(10, -1));
        assertThrows(IllegalArgumentException.class, () -> new WaitingTimes().percentileHours(1.5));
    }
}
