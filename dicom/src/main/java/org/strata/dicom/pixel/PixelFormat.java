package org.strata.dicom.pixel;

/**
 * The image attributes that fix how native pixel data is laid out (PS3.3 C.7.6.3 Image Pixel module):
 * Rows, Columns, Samples per Pixel, Bits Allocated, Planar Configuration and Number of Frames.
 */
public record PixelFormat(int rows, int columns, int samplesPerPixel, int bitsAllocated,
                          int planarConfiguration, int numberOfFrames) {

    /** A frame must fit in one Java array. */
    public static final int MAX_FRAME_LENGTH = Integer.MAX_VALUE - 8;

    /** Checks the attributes are usable; the record itself accepts anything so a caller can report them. */
    public PixelFormat validate() throws PixelDataException {
        if (rows <= 0 || columns <= 0) {
            throw new PixelDataException("image has " + rows + " rows and " + columns + " columns");
        }
        if (samplesPerPixel <= 0 || samplesPerPixel > 4) {
            throw new PixelDataException("unsupported Samples per Pixel " + samplesPerPixel);
        }
        if (bitsAllocated != 1 && (bitsAllocated <= 0 || bitsAllocated % 8 != 0 || bitsAllocated > 64)) {
            throw new PixelDataException("unsupported Bits Allocated " + bitsAllocated);
        }
        if (planarConfiguration != 0 && planarConfiguration != 1) {
            throw new PixelDataException("invalid Planar Configuration " + planarConfiguration);
        }
        if (numberOfFrames <= 0) {
            throw new PixelDataException("invalid Number of Frames " + numberOfFrames);
        }
        if ((bitsPerFrame() + 7) / 8 > MAX_FRAME_LENGTH) {
            throw new PixelDataException("a frame of " + rows + "x" + columns + "x" + samplesPerPixel + "x"
                    + bitsAllocated + " bits is larger than " + MAX_FRAME_LENGTH + " bytes");
        }
        return this;
    }

    /** Pixels of one frame; only meaningful once {@link #validate()} passed. */
    public int pixelsPerFrame() {
        return Math.toIntExact((long) rows * columns);
    }

    /** Bytes of one sample, rounded up (1 for Bits Allocated 1). */
    public int bytesPerSample() {
        return (bitsAllocated + 7) / 8;
    }

    /** Bits of one frame; frames of 1-bit data are packed without byte alignment (PS3.5 8.1.1). */
    public long bitsPerFrame() {
        return (long) rows * columns * samplesPerPixel * bitsAllocated;
    }

    /** Bytes needed to hold one frame on its own, i.e. bits rounded up to whole bytes. */
    public int frameLength() {
        return Math.toIntExact((bitsPerFrame() + 7) / 8);
    }

    /** Bytes all frames occupy as native pixel data, before the value is padded to even length. */
    public long totalLength() {
        return (bitsPerFrame() * numberOfFrames + 7) / 8;
    }

    public PixelFormat withNumberOfFrames(int frames) {
        return new PixelFormat(rows, columns, samplesPerPixel, bitsAllocated, planarConfiguration, frames);
    }
}
