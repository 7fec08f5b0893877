package org.strata.bench.report;

/** A system of the run as the report names it; {@code strata} marks the systems the ratios are computed for. */
public record SystemInfo(String id, String title, boolean strata) {
}
