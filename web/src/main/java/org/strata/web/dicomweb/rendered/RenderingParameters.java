package org.strata.web.dicomweb.rendered;

import org.strata.dicom.image.VoiFunction;
import org.strata.dicom.image.Viewport;
import org.strata.dicom.image.Window;
import org.strata.web.dicomweb.DicomWebException;

/**
 * The rendering query parameters of PS3.18 8.3.5.1: {@code window=center,width[,function]},
 * {@code viewport=vw,vh[,sx,sy,sw,sh]} and {@code quality} (1-100, JPEG only). Absent ones are null (quality: the
 * default); malformed ones are a 400 naming the parameter.
 */
public record RenderingParameters(Window window, Viewport viewport, int quality) {
    /** JPEG quality when the client names none. */
    public static final int DEFAULT_QUALITY = 90;

    public static RenderingParameters parse(String window, String viewport, String quality) {
        return new RenderingParameters(window(window), viewport(viewport), quality(quality));
    }

    static Window window(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw DicomWebException.badRequest("window must be center,width[,function], not '" + text + "'");
        }
        try {
            return new Window(number("window center", parts[0]), number("window width", parts[1]),
                    parts.length == 3 ? VoiFunction.parse(parts[2]) : VoiFunction.LINEAR);
        } catch (IllegalArgumentException e) {
            throw DicomWebException.badRequest("window: " + e.getMessage());
        }
    }

    static Viewport viewport(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 2 && parts.length != 6) {
            throw DicomWebException.badRequest("viewport must be vw,vh[,sx,sy,sw,sh], not '" + text + "'");
        }
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = integer("viewport", parts[i]);
        }
        try {
            return new Viewport(values[0], values[1], parts.length == 2 ? null
                    : new Viewport.Region(values[2], values[3], values[4], values[5]));
        } catch (IllegalArgumentException e) {
            throw DicomWebException.badRequest("viewport: " + e.getMessage());
        }
    }

    static int quality(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_QUALITY;
        }
        int quality = integer("quality", text);
        if (quality < 1 || quality > 100) {
            throw DicomWebException.badRequest("quality " + quality + " is not in 1..100");
        }
        return quality;
    }

    /** An integer parameter value; 400 naming the parameter otherwise. */
    public static int integer(String parameter, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw DicomWebException.badRequest(parameter + ": '" + text.strip() + "' is not an integer");
        }
    }

    /** A decimal parameter value; 400 naming the parameter otherwise. */
    public static double number(String parameter, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DicomWebException.badRequest(parameter + ": '" + text.strip() + "' is not a number");
    }
}
