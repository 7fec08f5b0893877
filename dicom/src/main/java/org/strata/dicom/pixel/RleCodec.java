package org.strata.dicom.pixel;

import java.util.Arrays;

/**
 * RLE Lossless (PS3.5 Annex G), one frame at a time.
 *
 * <p>A compressed frame is a 64-byte header (segment count and up to 15 segment offsets, little endian)
 * followed by one PackBits segment per byte plane: for each sample, its most significant byte first.
 * Native frames on either side are little endian, interleaved or planar as the format's Planar
 * Configuration says.
 */
public final class RleCodec {

    private static final int HEADER_LENGTH = 64;
    private static final int MAX_SEGMENTS = 15;
    private static final int MAX_RUN = 128;

    private RleCodec() {
    }

    /** Decodes one compressed frame (all its fragments concatenated) to a native frame. */
    public static byte[] decodeFrame(byte[] rle, PixelFormat format) throws PixelDataException {
        int segments = segmentCount(format);
        if (rle.length < HEADER_LENGTH) {
            throw new PixelDataException("RLE frame of " + rle.length + " bytes is shorter than its 64-byte header");
        }
        int declared = readInt(rle, 0);
        if (declared != segments) {
            throw new PixelDataException("RLE header declares " + Integer.toUnsignedString(declared)
                    + " segments, the image needs " + segments);
        }
        int planeLength = format.pixelsPerFrame();
        int bytesPerSample = format.bytesPerSample();
        byte[] plane = new byte[planeLength];
        byte[] out = new byte[format.frameLength()];
        for (int segment = 0; segment < segments; segment++) {
            int start = readInt(rle, 4 + 4 * segment);
            int end = segment + 1 < segments ? readInt(rle, 8 + 4 * segment) : rle.length;
            if (start < HEADER_LENGTH || end < start || end > rle.length) {
                throw new PixelDataException("RLE segment " + segment + " has offsets " + start + ".." + end
                        + " outside the frame's " + rle.length + " bytes");
            }
            unpackBits(rle, start, end, plane, segment);
            int sample = segment / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - segment % bytesPerSample; // segments go MSB first
            scatter(plane, out, format, sample, byteInSample);
        }
        return out;
    }

    /** Encodes one native frame; the result has even length, ready to be one fragment. */
    public static byte[] encodeFrame(byte[] frame, PixelFormat format) throws PixelDataException {
        int segments = segmentCount(format);
        if (frame.length < format.frameLength()) {
            throw new PixelDataException("native frame has " + frame.length + " bytes, the image needs "
                    + format.frameLength());
        }
        int rows = format.rows();
        int columns = format.columns();
        int bytesPerSample = format.bytesPerSample();
        // Worst case per row: a header byte for every 128 literals.
        long worstSegment = (long) rows * (columns + (columns + MAX_RUN - 1) / MAX_RUN) + 1;
        long worst = HEADER_LENGTH + worstSegment * segments;
        if (worst > PixelFormat.MAX_FRAME_LENGTH) {
            throw new PixelDataException("frame too large to RLE-encode into one array");
        }
        byte[] out = new byte[(int) worst];
        byte[] plane = new byte[format.pixelsPerFrame()];
        int length = HEADER_LENGTH;
        writeInt(out, 0, segments);
        for (int segment = 0; segment < segments; segment++) {
            writeInt(out, 4 + 4 * segment, length);
            gather(frame, plane, format, segment / bytesPerSample, bytesPerSample - 1 - segment % bytesPerSample);
            for (int row = 0; row < rows; row++) { // runs never cross a row (PS3.5 G.3.1)
                length = packBits(plane, row * columns, columns, out, length);
            }
            if ((length & 1) != 0) {
                out[length++] = 0;
            }
        }
        return Arrays.copyOf(out, length);
    }

    private static int segmentCount(PixelFormat format) throws PixelDataException {
        format.validate();
        if (format.bitsAllocated() % 8 != 0) {
            throw new PixelDataException("RLE needs whole-byte samples, not Bits Allocated " + format.bitsAllocated());
        }
        int segments = format.samplesPerPixel() * format.bytesPerSample();
        if (segments > MAX_SEGMENTS) {
            throw new PixelDataException("RLE holds at most 15 segments; " + format.samplesPerPixel()
                    + " samples of " + format.bitsAllocated() + " bits need " + segments);
        }
        return segments;
    }

    private static void unpackBits(byte[] in, int pos, int end, byte[] plane, int segment)
            throws PixelDataException {
        int filled = 0;
        while (filled < plane.length && pos < end) {
            int header = in[pos++];
            if (header >= 0) {
                int count = header + 1;
                if (pos + count > end) {
                    throw new PixelDataException("RLE segment " + segment + " ends inside a literal run");
                }
                count = Math.min(count, plane.length - filled); // bytes beyond the plane are padding
                System.arraycopy(in, pos, plane, filled, count);
                pos += header + 1;
                filled += count;
            } else if (header != -128) { // -128 is a no-op
                if (pos >= end) {
                    throw new PixelDataException("RLE segment " + segment + " ends inside a replicate run");
                }
                int count = Math.min(1 - header, plane.length - filled);
                Arrays.fill(plane, filled, filled + count, in[pos++]);
                filled += count;
            }
        }
        if (filled < plane.length) {
            throw new PixelDataException("RLE segment " + segment + " decodes to " + filled + " bytes, expected "
                    + plane.length);
        }
    }

    private static int packBits(byte[] src, int from, int count, byte[] out, int pos) {
        int end = from + count;
        int i = from;
        while (i < end) {
            int run = 1;
            while (i + run < end && run < MAX_RUN && src[i + run] == src[i]) {
                run++;
            }
            if (run >= 2) {
                out[pos++] = (byte) (1 - run);
                out[pos++] = src[i];
                i += run;
                continue;
            }
            // Literal run: stop where a replicate run of 3 would pay for its header.
            int start = i++;
            while (i < end && i - start < MAX_RUN
                    && !(i + 2 < end && src[i] == src[i + 1] && src[i] == src[i + 2])) {
                i++;
            }
            out[pos++] = (byte) (i - start - 1);
            System.arraycopy(src, start, out, pos, i - start);
            pos += i - start;
        }
        return pos;
    }

    private static void scatter(byte[] plane, byte[] frame, PixelFormat format, int sample, int byteInSample) {
        int[] layout = layout(format, sample, byteInSample);
        for (int p = 0, at = layout[0]; p < plane.length; p++, at += layout[1]) {
            frame[at] = plane[p];
        }
    }

    private static void gather(byte[] frame, byte[] plane, PixelFormat format, int sample, int byteInSample) {
        int[] layout = layout(format, sample, byteInSample);
        for (int p = 0, at = layout[0]; p < plane.length; p++, at += layout[1]) {
            plane[p] = frame[at];
        }
    }

    /** First index and stride in a native frame of one byte of one sample. */
    private static int[] layout(PixelFormat format, int sample, int byteInSample) {
        int bytesPerSample = format.bytesPerSample();
        if (format.planarConfiguration() == 0) {
            return new int[] {sample * bytesPerSample + byteInSample, format.samplesPerPixel() * bytesPerSample};
        }
        return new int[] {sample * format.pixelsPerFrame() * bytesPerSample + byteInSample, bytesPerSample};
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }
}
