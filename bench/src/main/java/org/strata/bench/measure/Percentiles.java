package org.strata.bench.measure;

import java.util.Arrays;

/** Percentiles of a sample by the nearest-rank method: the smallest value with at least p % of the sample at or below it. */
public final class Percentiles {
    private final double[] sorted;

    public Percentiles(double[] sample) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("a percentile of an empty sample is undefined");
        }
        sorted = sample.clone();
        Arrays.sort(sorted);
    }

    /** @param p in (0, 100] */
    public double percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[rank - 1];
    }

    public double median() {
        return percentile(50);
    }
}
