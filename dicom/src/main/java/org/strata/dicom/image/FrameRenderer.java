package org.strata.dicom.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.pixel.DatasetFrames;
import org.strata.dicom.pixel.PixelDataException;
import org.strata.dicom.pixel.PixelFormat;

/**
 * Renders one frame of an image data set to an 8-bit grey or RGB {@link BufferedImage} (PS3.3 C.7.6.3, C.11):
 * native, RLE Lossless and baseline/extended 8-bit JPEG frames; grey images through Bits Stored and Pixel
 * Representation, the Modality LUT (table or rescale), VOI (the caller's window, else the data set's first window or
 * VOI LUT table, else the frame's min/max) and MONOCHROME1 inversion; colour images from RGB, YBR_FULL,
 * YBR_FULL_422 or PALETTE COLOR. Then the viewport.
 */
public final class FrameRenderer {

    private static final Set<String> RENDERED = Set.of("MONOCHROME1", "MONOCHROME2", "RGB", "YBR_FULL", "YBR_FULL_422",
            "PALETTE COLOR");

    private FrameRenderer() {
    }

    /**
     * Renders frame {@code frame} (0-based).
     *
     * @param transferSyntaxUid the syntax the data set was stored in (decides how compressed frames decode)
     * @param window the VOI window to apply to a grey image, or null for the data set's own
     * @param viewport where the image goes, or null for its own size
     * @throws UnsupportedImageException for an image we cannot decode or render; other {@link PixelDataException}s
     *         for pixel data that contradicts its attributes
     * @throws IllegalArgumentException if the viewport's source region lies outside the image
     */
    public static BufferedImage render(Dataset dataset, String transferSyntaxUid, int frame, Window window,
                                       Viewport viewport) throws IOException {
        PixelFormat format = PixelFormat.of(dataset).validate();
        if (frame < 0 || frame >= format.numberOfFrames()) {
            throw new PixelDataException("frame " + (frame + 1) + " out of range 1.." + format.numberOfFrames());
        }
        String photometric = dataset.getString(Tags.PhotometricInterpretation, "").strip().toUpperCase(Locale.ROOT);
        if (!RENDERED.contains(photometric)) {
            throw new UnsupportedImageException("unsupported Photometric Interpretation '" + photometric + "'");
        }
        boolean compressed = DatasetFrames.isEncapsulated(dataset) && !DatasetFrames.isDecodable(transferSyntaxUid);
        Samples samples;
        if (compressed) {
            samples = jpegSamples(dataset, transferSyntaxUid, frame, format); // full resolution, also for 422
        } else if (photometric.equals("YBR_FULL_422")) {
            samples = upsample422(dataset, transferSyntaxUid, frame, format);
        } else {
            samples = nativeSamples(dataset, transferSyntaxUid, frame, format);
        }
        BufferedImage image;
        if (photometric.startsWith("MONOCHROME")) {
            image = grey(dataset, samples, format, window, photometric.equals("MONOCHROME1"));
        } else if (photometric.equals("PALETTE COLOR")) {
            image = palette(dataset, samples, format);
        } else {
            image = colour(samples, format, photometric.startsWith("YBR"));
        }
        return viewport == null ? image : Resampler.fit(image, viewport);
    }

    /**
     * The frame's samples, interleaved, as values of {@code bitsStored} bits; unsigned 32-bit values are kept in
     * the int's bits (see {@link #value}).
     */
    private record Samples(int[] values, int bitsStored, boolean signed) {
        long value(int i) {
            return bitsStored == 32 && !signed ? Integer.toUnsignedLong(values[i]) : values[i];
        }
    }

    private static Samples nativeSamples(Dataset dataset, String transferSyntaxUid, int frame, PixelFormat format)
            throws IOException {
        int bitsAllocated = format.bitsAllocated();
        int bitsStored = dataset.getInt(Tags.BitsStored, bitsAllocated);
        int highBit = dataset.getInt(Tags.HighBit, bitsStored - 1);
        boolean signed = dataset.getInt(Tags.PixelRepresentation, 0) == 1;
        if (bitsAllocated > 32) {
            throw new UnsupportedImageException("Bits Allocated " + bitsAllocated + " is not supported for display");
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new PixelDataException("Bits Stored " + bitsStored + " and High Bit " + highBit
                    + " do not fit Bits Allocated " + bitsAllocated);
        }
        byte[] bytes = DatasetFrames.nativeFrame(dataset, transferSyntaxUid, frame);
        int count = format.pixelsPerFrame() * format.samplesPerPixel();
        int[] values = new int[count];
        int shift = highBit + 1 - bitsStored;
        long mask = (1L << bitsStored) - 1;
        long signBit = 1L << (bitsStored - 1);
        int bytesPerSample = bitsAllocated / 8;
        boolean planar = format.planarConfiguration() == 1 && format.samplesPerPixel() > 1;
        for (int i = 0; i < count; i++) {
            long raw;
            if (bitsAllocated == 1) {
                raw = (bytes[i >>> 3] >>> (i & 7)) & 1;
            } else {
                raw = 0;
                for (int b = bytesPerSample - 1, at = i * bytesPerSample; b >= 0; b--) {
                    raw = raw << 8 | (bytes[at + b] & 0xFF);
                }
            }
            long value = (raw >>> shift) & mask;
            if (signed && (value & signBit) != 0) {
                value -= 1L << bitsStored;
            }
            values[planar ? interleavedIndex(i, format) : i] = (int) value;
        }
        return new Samples(values, bitsStored, signed);
    }

    /** Uncompressed YBR_FULL_422 (PS3.3 C.7.6.3.1.2) as full-resolution Y, Cb, Cr samples. */
    private static Samples upsample422(Dataset dataset, String transferSyntaxUid, int frame, PixelFormat format)
            throws IOException {
        if (format.columns() % 2 != 0 || format.planarConfiguration() != 0 || format.samplesPerPixel() != 3) {
            throw new PixelDataException("YBR_FULL_422 needs 3 interleaved samples and an even number of columns");
        }
        Samples pairs = nativeSamples(dataset, transferSyntaxUid, frame, DatasetFrames.nativeLayout(dataset));
        int[] in = pairs.values;
        int[] out = new int[format.pixelsPerFrame() * 3];
        for (int i = 0, o = 0; i < in.length; i += 4, o += 6) {
            out[o] = in[i];
            out[o + 3] = in[i + 1];
            out[o + 1] = out[o + 4] = in[i + 2];
            out[o + 2] = out[o + 5] = in[i + 3];
        }
        return new Samples(out, pairs.bitsStored, pairs.signed);
    }

    /** Where sample {@code i} of a planar frame (all reds, all greens, all blues) goes when interleaved. */
    private static int interleavedIndex(int i, PixelFormat format) {
        int pixels = format.pixelsPerFrame();
        return (i % pixels) * format.samplesPerPixel() + i / pixels;
    }

    private static Samples jpegSamples(Dataset dataset, String transferSyntaxUid, int frame, PixelFormat format)
            throws IOException {
        if (!UIDs.JPEGBaseline8Bit.equals(transferSyntaxUid) && !UIDs.JPEGExtended12Bit.equals(transferSyntaxUid)) {
            throw new UnsupportedImageException("cannot decode " + UidDictionary.nameOf(transferSyntaxUid)
                    + " pixel data for display");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new UnsupportedImageException("this Java runtime has no JPEG decoder");
        }
        ImageReader reader = readers.next();
        Raster raster;
        try (ImageInputStream in = ImageIO.createImageInputStream(
                new ByteArrayInputStream(DatasetFrames.storedFrame(dataset, frame)))) {
            reader.setInput(in);
            raster = reader.readRaster(0, null); // the samples as coded: no colour conversion
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedImageException("cannot decode JPEG frame " + (frame + 1) + ": " + e.getMessage());
        } finally {
            reader.dispose();
        }
        if (raster.getWidth() != format.columns() || raster.getHeight() != format.rows()
                || raster.getNumBands() != format.samplesPerPixel()) {
            throw new PixelDataException("JPEG frame " + (frame + 1) + " is " + raster.getWidth() + "x"
                    + raster.getHeight() + " with " + raster.getNumBands() + " components, the data set says "
                    + format.columns() + "x" + format.rows() + " with " + format.samplesPerPixel());
        }
        int[] values = raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
        return new Samples(values, raster.getSampleModel().getSampleSize(0), false);
    }

    private static BufferedImage grey(Dataset dataset, Samples samples, PixelFormat format, Window window,
                                      boolean inverted) throws PixelDataException {
        if (format.samplesPerPixel() != 1) {
            throw new PixelDataException("a MONOCHROME image has " + format.samplesPerPixel() + " samples per pixel");
        }
        DoubleUnaryOperator modality = modalityTransform(dataset, samples.signed);
        int count = samples.values.length;
        DoubleUnaryOperator voi = voiTransform(dataset, window, samples.signed);
        if (voi == null) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                double value = modality.applyAsDouble(samples.value(i));
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            voi = Window.spanning(min, max)::apply;
        }
        BufferedImage image = new BufferedImage(format.columns(), format.rows(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int level = (int) Math.round(255 * voi.applyAsDouble(modality.applyAsDouble(samples.value(i))));
            out[i] = inverted ? 255 - level : level;
        }
        raster.setPixels(0, 0, format.columns(), format.rows(), out);
        return image;
    }

    /**
     * The VOI transformation (PS3.3 C.11.2) to the range 0..1: the caller's window, else the data set's first
     * window, else its first VOI LUT table; null when there is none (the caller then spans the frame's values).
     */
    private static DoubleUnaryOperator voiTransform(Dataset dataset, Window window, boolean signed)
            throws PixelDataException {
        Window chosen = window != null ? window : Window.of(dataset);
        if (chosen != null) {
            return chosen::apply;
        }
        Sequence tables = dataset.getSequence(Tags.VOILUTSequence);
        if (tables == null || tables.isEmpty()) {
            return null;
        }
        Dataset item = tables.get(0);
        LookupTable table = LookupTable.of(item.getInts(Tags.LUTDescriptor), item.getBytes(Tags.LUTData), signed,
                "VOI LUT");
        double top = (1 << table.bits()) - 1;
        return value -> table.lookup(Math.round(value)) / top;
    }

    /** The Modality LUT (PS3.3 C.11.1): its first table when the data set has one, else Rescale Slope/Intercept. */
    private static DoubleUnaryOperator modalityTransform(Dataset dataset, boolean signed) throws PixelDataException {
        Sequence tables = dataset.getSequence(Tags.ModalityLUTSequence);
        if (tables != null && !tables.isEmpty()) {
            Dataset item = tables.get(0);
            LookupTable table = LookupTable.of(item.getInts(Tags.LUTDescriptor), item.getBytes(Tags.LUTData), signed,
                    "Modality LUT");
            return value -> table.lookup((long) value);
        }
        double slope = dataset.getDouble(Tags.RescaleSlope, 1);
        double intercept = dataset.getDouble(Tags.RescaleIntercept, 0);
        return value -> value * slope + intercept;
    }

    /** PALETTE COLOR (PS3.3 C.7.6.3.1.5): each stored value indexes the red, green and blue tables. */
    private static BufferedImage palette(Dataset dataset, Samples samples, PixelFormat format) throws IOException {
        if (format.samplesPerPixel() != 1) {
            throw new PixelDataException("a PALETTE COLOR image has " + format.samplesPerPixel() + " samples per pixel");
        }
        if (dataset.contains(Tags.SegmentedRedPaletteColorLookupTableData)) {
            throw new UnsupportedImageException("segmented palettes are not supported");
        }
        LookupTable[] tables = new LookupTable[3];
        String[] names = {"Red", "Green", "Blue"};
        for (int c = 0; c < 3; c++) {
            tables[c] = LookupTable.of(dataset.getInts(Tags.RedPaletteColorLookupTableDescriptor + c),
                    dataset.readBytes(Tags.RedPaletteColorLookupTableData + c), false,
                    names[c] + " Palette Color Lookup Table");
        }
        int pixels = format.pixelsPerFrame();
        int[] rgb = new int[pixels * 3];
        for (int i = 0; i < pixels; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = tables[c].lookup8(samples.value(i));
            }
        }
        BufferedImage image = new BufferedImage(format.columns(), format.rows(), BufferedImage.TYPE_3BYTE_BGR);
        image.getRaster().setPixels(0, 0, format.columns(), format.rows(), rgb);
        return image;
    }

    private static BufferedImage colour(Samples samples, PixelFormat format, boolean ybr) throws PixelDataException {
        if (format.samplesPerPixel() != 3) {
            throw new PixelDataException("a colour image has " + format.samplesPerPixel() + " samples per pixel");
        }
        int[] rgb = new int[samples.values.length];
        double max = (1L << samples.bitsStored) - 1;
        for (int i = 0; i < rgb.length; i += 3) {
            double a = samples.value(i) * 255 / max;
            double b = samples.value(i + 1) * 255 / max;
            double c = samples.value(i + 2) * 255 / max;
            if (ybr) { // PS3.3 C.7.6.3.1.2: full-range Y, Cb, Cr to R, G, B
                double y = a;
                double cb = b - 128;
                double cr = c - 128;
                a = y + 1.402 * cr;
                b = y - 0.344136 * cb - 0.714136 * cr;
                c = y + 1.772 * cb;
            }
            rgb[i] = clamp(a);
            rgb[i + 1] = clamp(b);
            rgb[i + 2] = clamp(c);
        }
        BufferedImage image = new BufferedImage(format.columns(), format.rows(), BufferedImage.TYPE_3BYTE_BGR);
        image.getRaster().setPixels(0, 0, format.columns(), format.rows(), rgb);
        return image;
    }

    private static int clamp(double level) {
        return (int) Math.max(0, Math.min(255, Math.round(level)));
    }
}
