package org.strata.dicom.io;

/**
 * Something wrong in the input that the reader worked around: where ({@code offset}, {@code tag}, or -1),
 * what was wrong ({@code problem}) and what the reader did ({@code action}).
 */
public record Toleration(long offset, int tag, String problem, String action) {
    @Override
    public String toString() {
        String where = tag == -1 ? "at byte " + offset
                : String.format("at byte %d, element (%04X,%04X)", offset, tag >>> 16, tag & 0xFFFF);
        return where + ": " + problem + " -> " + action;
    }
}
