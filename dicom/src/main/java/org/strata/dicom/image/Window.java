package org.strata.dicom.image;

import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;

/** A VOI window: center and width in modality units, and the function that maps values through it. */
public record Window(double center, double width, VoiFunction function) {

    public Window {
        if (function == null) {
            throw new IllegalArgumentException("window needs a VOI LUT function");
        }
        if (!Double.isFinite(center) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("window center and width must be numbers");
        }
        if (function == VoiFunction.LINEAR ? width < 1 : width <= 0) {
            throw new IllegalArgumentException("window width " + width + " is too small for " + function
                    + " (at least 1 for LINEAR, above 0 otherwise)");
        }
    }

    /**
     * The data set's first window (Window Center, Window Width, VOI LUT Function), or null when it has none
     * or the first one is unusable (a width below what its function allows).
     */
    public static Window of(Dataset dataset) {
        double[] centers = dataset.getDoubles(Tags.WindowCenter);
        double[] widths = dataset.getDoubles(Tags.WindowWidth);
        if (centers.length == 0 || widths.length == 0) {
            return null;
        }
        String name = dataset.getString(Tags.VOILUTFunction);
        try {
            return new Window(centers[0], widths[0], name == null || name.isBlank() ? VoiFunction.LINEAR
                    : VoiFunction.parse(name));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The LINEAR window that maps {@code min} to the lowest output and {@code max} to the highest. */
    public static Window spanning(double min, double max) {
        return new Window((min + max + 1) / 2, max - min + 1, VoiFunction.LINEAR);
    }

    /** Maps a modality value to the output range 0..1. */
    public double apply(double x) {
        return switch (function) {
            case LINEAR -> {
                double low = center - 0.5 - (width - 1) / 2;
                double high = center - 0.5 + (width - 1) / 2;
                yield x <= low ? 0 : x > high ? 1 : (x - (center - 0.5)) / (width - 1) + 0.5;
            }
            case LINEAR_EXACT -> x <= center - width / 2 ? 0 : x > center + width / 2 ? 1 : (x - center) / width + 0.5;
            case SIGMOID -> 1 / (1 + Math.exp(-4 * (x - center) / width));
        };
    }
}
