package org.strata.bench.data;

/** How many studies, series per study and instances per series a generated data set has. */
public record DataSetShape(int studies, int seriesPerStudy, int instancesPerSeries) {
    public DataSetShape {
        if (studies < 1 || seriesPerStudy < 1 || instancesPerSeries < 1) {
            throw new IllegalArgumentException("every dimension of the data set must be at least 1: " + this);
        }
    }

    /** Parses {@code STUDIESxSERIESxINSTANCES}, e.g. {@code 10x2x100}. */
    public static DataSetShape parse(String text) {
        String[] parts = text.split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("size must be STUDIESxSERIESxINSTANCES (e.g. 10x2x100), not '" + text + "'");
        }
        try {
            return new DataSetShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size must be STUDIESxSERIESxINSTANCES (e.g. 10x2x100), not '" + text + "'");
        }
    }

    public int instances() {
        return studies * seriesPerStudy * instancesPerSeries;
    }

    @Override
    public String toString() {
        return studies + "x" + seriesPerStudy + "x" + instancesPerSeries;
    }
}
