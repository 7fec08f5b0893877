package org.strata.dicom.image;

/**
 * Where a rendered image goes (PS3.18 8.3.5.1.3): a viewport of {@code width} x {@code height} pixels the image is
 * scaled to fit with its aspect kept, optionally only a source region of the image (negative region width or
 * height flips that axis).
 */
public record Viewport(int width, int height, Region source) {

    /** A region of the image in pixels: top-left corner and size; a negative size runs the other way. */
    public record Region(int x, int y, int width, int height) {
        public Region {
            if (width == 0 || height == 0) {
                throw new IllegalArgumentException("source region " + width + "x" + height + " is empty");
            }
        }
    }

    public Viewport {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("viewport " + width + "x" + height + " must be at least 1x1");
        }
    }

    /** A viewport showing the whole image. */
    public Viewport(int width, int height) {
        this(width, height, null);
    }
}
