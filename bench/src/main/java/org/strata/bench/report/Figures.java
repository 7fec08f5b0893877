package org.strata.bench.report;

import java.util.Locale;

/** Number formatting shared by the Markdown and CSV reports: about three significant digits, no locale surprises. */
public final class Figures {
    private Figures() {
    }

    public static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        } else if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String ratio(double ratio) {
        return format(ratio) + "×";
    }
}
