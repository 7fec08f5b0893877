package org.strata.bench.report;

/** One measured quantity, e.g. C-STORE ingest over 4 associations in instances/s. */
public record Metric(String id, String title, String unit, boolean higherIsBetter) {
}
