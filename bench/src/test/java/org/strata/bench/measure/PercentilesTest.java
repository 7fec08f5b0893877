package org.strata.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOnOneToHundred() {
        // Shuffled on purpose: the input order must not matter.
        double[] sample = IntStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).asDoubleStream().toArray();
        Percentiles p = new Percentiles(sample);
        assertEquals(50, p.median());
        assertEquals(95, p.percentile(95));
        assertEquals(100, p.percentile(100));
        assertEquals(1, p.percentile(0.5));
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        Percentiles p = new Percentiles(new double[] {4, 1, 3, 2});
        assertEquals(2, p.median());      // rank ceil(0.5 * 4) = 2
        assertEquals(4, p.percentile(95)); // rank ceil(3.8) = 4
        assertEquals(7, new Percentiles(new double[] {7}).percentile(95));
    }

    @Test
    void sampleIsNotModified() {
        double[] sample = {3, 1, 2};
        new Percentiles(sample);
        assertEquals(3, sample[0]);
    }

    @Test
    void refusesEmptySamplesAndBadPercentiles() {
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new double[0]));
        Percentiles p = new Percentiles(new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> p.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> p.percentile(101));
    }
}
