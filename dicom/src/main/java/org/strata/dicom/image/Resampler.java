package org.strata.dicom.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Fits an 8-bit image into a {@link Viewport}: crops (and flips) the source region, then scales with the aspect
 * kept, averaging the source pixels each output pixel covers when shrinking and interpolating bilinearly when
 * enlarging. Works on the raster's samples, so grey levels never pass through a colour space conversion.
 */
final class Resampler {

    private Resampler() {
    }

    static BufferedImage fit(BufferedImage image, Viewport viewport) {
        Viewport.Region region = viewport.source() != null ? viewport.source()
                : new Viewport.Region(0, 0, image.getWidth(), image.getHeight());
        int left = Math.min(region.x(), region.x() + region.width());
        int top = Math.min(region.y(), region.y() + region.height());
        int width = Math.abs(region.width());
        int height = Math.abs(region.height());
        if (left < 0 || top < 0 || left + width > image.getWidth() || top + height > image.getHeight()) {
            throw new IllegalArgumentException("source region " + region.x() + "," + region.y() + ","
                    + region.width() + "," + region.height() + " is not inside the " + image.getWidth() + "x"
                    + image.getHeight() + " image");
        }
        double scale = Math.min((double) viewport.width() / width, (double) viewport.height() / height);
        int outWidth = Math.max(1, (int) Math.round(width * scale));
        int outHeight = Math.max(1, (int) Math.round(height * scale));
        if (outWidth == image.getWidth() && outHeight == image.getHeight() && width == outWidth
                && height == outHeight && region.width() > 0 && region.height() > 0) {
            return image;
        }
        int bands = image.getRaster().getNumBands();
        Source in = new Source(image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null),
                image.getWidth(), image.getHeight(), bands);
        BufferedImage out = new BufferedImage(outWidth, outHeight, image.getType());
        int[] samples = new int[outWidth * outHeight * bands];
        double stepX = (double) width / outWidth;
        double stepY = (double) height / outHeight;
        int[] pixel = new int[bands];
        double[] sum = new double[bands];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                if (stepX > 1 || stepY > 1) {
                    average(in, left + ox * stepX, top + oy * stepY, stepX, stepY, sum, pixel);
                } else {
                    bilinear(in, left, top, width, height, (ox + 0.5) * stepX - 0.5, (oy + 0.5) * stepY - 0.5,
                            sum, pixel);
                }
                int x = region.width() > 0 ? ox : outWidth - 1 - ox;
                int y = region.height() > 0 ? oy : outHeight - 1 - oy;
                for (int b = 0; b < bands; b++) {
                    samples[(y * outWidth + x) * bands + b] = (int) Math.round(sum[b]);
                }
            }
        }
        out.getRaster().setPixels(0, 0, outWidth, outHeight, samples);
        return out;
    }

    /** The source image's samples, interleaved. */
    private record Source(int[] samples, int width, int height, int bands) {
        void getPixel(int x, int y, int[] pixel) {
            System.arraycopy(samples, (y * width + x) * bands, pixel, 0, bands);
        }

    }

    /** Mean of the source pixels in the box, each weighted by how much of it the box covers. */
    private static void average(Source in, double x0, double y0, double w, double h, double[] sum, int[] pixel) {
        Arrays.fill(sum, 0);
        double x1 = x0 + w;
        double y1 = y0 + h;
        double area = 0;
        for (int y = (int) y0; y < Math.ceil(y1) && y < in.height(); y++) {
            double wy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = (int) x0; x < Math.ceil(x1) && x < in.width(); x++) {
                double weight = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
                if (weight <= 0) {
                    continue;
                }
                in.getPixel(x, y, pixel);
                for (int b = 0; b < sum.length; b++) {
                    sum[b] += weight * pixel[b];
                }
                area += weight;
            }
        }
        for (int b = 0; b < sum.length; b++) {
            sum[b] /= area;
        }
    }

    /** Bilinear interpolation at (x, y) relative to the region's corner, edges repeated. */
    private static void bilinear(Source in, int left, int top, int width, int height, double x, double y,
                                 double[] sum, int[] pixel) {
        double cx = Math.max(0, Math.min(width - 1, x));
        double cy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        Arrays.fill(sum, 0);
        accumulate(in, left + x0, top + y0, (1 - fx) * (1 - fy), sum, pixel);
        accumulate(in, left + x1, top + y0, fx * (1 - fy), sum, pixel);
        accumulate(in, left + x0, top + y1, (1 - fx) * fy, sum, pixel);
        accumulate(in, left + x1, top + y1, fx * fy, sum, pixel);
    }

    private static void accumulate(Source in, int x, int y, double weight, double[] sum, int[] pixel) {
        in.getPixel(x, y, pixel);
        for (int b = 0; b < sum.length; b++) {
            sum[b] += weight * pixel[b];
        }
    }
}
