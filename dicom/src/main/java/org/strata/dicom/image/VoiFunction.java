package org.strata.dicom.image;

import java.util.Locale;

/** VOI LUT Function (0028,1056): how a window maps values to output (PS3.3 C.11.2.1.2, C.11.2.1.3). */
public enum VoiFunction {
    LINEAR, LINEAR_EXACT, SIGMOID;

    /** Parses a DICOM term ({@code LINEAR_EXACT}) or its DICOMweb spelling ({@code linear-exact}), any case. */
    public static VoiFunction parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (VoiFunction function : values()) {
            if (function.name().equals(name)) {
                return function;
            }
        }
        throw new IllegalArgumentException("unknown VOI LUT function '" + text.strip()
                + "' (linear, linear-exact or sigmoid)");
    }
}
