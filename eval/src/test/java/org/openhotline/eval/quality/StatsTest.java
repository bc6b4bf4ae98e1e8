package org.openhotline.eval.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shared report arithmetic: an empty group is unknown (NaN, null in JSON), never 0. */
class StatsTest {
    @Test
    void aRateOfNothingIsUnknown() {
        assertEquals(0.25, Stats.ratio(1, 4), 1e-12);
        assertTrue(Double.isNaN(Stats.ratio(0, 0)));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] ms = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, Stats.percentile(ms, 50), 0);
        assertEquals(10, Stats.percentile(ms, 99), 0);
        assertEquals(1, Stats.percentile(ms, 0), 0);
        assertEquals(7, Stats.percentile(new double[] {7}, 99), 0);
        assertTrue(Double.isNaN(Stats.percentile(new double[0], 50)));
    }

    @Test
    void roundsToTheGivenPlacesAndNaNBecomesNull() {
        assertEquals(0.3333, Stats.round(1 / 3.0, 4));
        assertEquals(0.667, Stats.round(2 / 3.0, 3));
        assertNull(Stats.round(Double.NaN, 3));
    }
}
