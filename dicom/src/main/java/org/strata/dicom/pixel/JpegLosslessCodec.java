package org.strata.dicom.pixel;

/**
 * Decoder of lossless JPEG (ITU-T T.81 Annex H, process 14), the codec of the transfer syntaxes JPEG Lossless
 * (1.2.840.10008.1.2.4.57, any predictor) and JPEG Lossless SV1 (.70): Huffman-coded differences from one of seven
 * predictors, 2 to 16 bits per sample, 1 to 4 full-resolution components in one interleaved scan or one scan each,
 * with or without restart intervals and point transform. A frame comes out as native little-endian samples laid out
 * as the data set's Planar Configuration says.
 */
public final class JpegLosslessCodec {
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOF3 = 0xC3;
    private static final int DHT = 0xC4;
    private static final int SOS = 0xDA;
    private static final int DRI = 0xDD;
    private static final int RST0 = 0xD0;

    private JpegLosslessCodec() {
    }

    /** Decodes one frame's JPEG stream into {@code format.frameLength()} native bytes. */
    public static byte[] decodeFrame(byte[] jpeg, PixelFormat format) throws PixelDataException {
        try {
            return new Decoding(jpeg, format).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new PixelDataException("lossless JPEG stream ends inside a marker segment");
        }
    }

    /** The state of one frame's decoding: the markers read so far and the samples decoded. */
    private static final class Decoding {
        private final byte[] in;
        private final PixelFormat format;
        private final HuffmanTable[] tables = new HuffmanTable[4];
        private int pos;
        private int precision;
        private int[] componentIds;
        private int[][] samples; // per component, raster order, in the point-transformed range
        private int restartInterval;
        private int pointTransform = -1;

        Decoding(byte[] in, PixelFormat format) {
            this.in = in;
            this.format = format;
        }

        byte[] run() throws PixelDataException {
            if (in.length < 2 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != SOI) {
                throw new PixelDataException("not a JPEG stream: no SOI marker");
            }
            pos = 2;
            boolean scanned = false;
            while (true) {
                if (scanned && pos >= in.length) {
                    return output(); // a stream cut right after its scan: what the frame needs is all there
                }
                int marker = nextMarker();
                switch (marker) {
                    case EOI -> {
                        if (!scanned) {
                            throw new PixelDataException("lossless JPEG stream has no scan");
                        }
                        return output();
                    }
                    case SOF3 -> frameHeader(segment());
                    case DHT -> huffmanTables(segment());
                    case DRI -> restartInterval = u16(segment());
                    case SOS -> {
                        scan(segment());
                        scanned = true;
                    }
                    case 0xC0, 0xC1, 0xC2, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                            throw new PixelDataException("JPEG frame type SOF" + (marker - 0xC0)
                                    + " is not lossless process 14; only SOF3 is decoded here");
                    default -> {
                        if (marker >= RST0 && marker < RST0 + 8 || marker == SOI) {
                            throw new PixelDataException(String.format("unexpected JPEG marker FF%02X", marker));
                        }
                        segment(); // APPn, COM, DQT, ...: nothing for a lossless decoder
                    }
                }
            }
        }

        /** Reads up to the next marker code (fill bytes 0xFF skipped) and returns it. */
        private int nextMarker() throws PixelDataException {
            if (pos >= in.length || (in[pos] & 0xFF) != 0xFF) {
                throw new PixelDataException("lossless JPEG stream ends without EOI, or a marker is missing at byte "
                        + pos);
            }
            while (pos < in.length && (in[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= in.length) {
                throw new PixelDataException("lossless JPEG stream ends without EOI");
            }
            return in[pos++] & 0xFF;
        }

        /** The body of the marker segment at {@code pos} (after its length), and moves past it. */
        private int segment() throws PixelDataException {
            int length = u16(pos);
            if (length < 2 || pos + length > in.length) {
                throw new PixelDataException("JPEG marker segment of length " + length + " at byte " + pos
                        + " runs past the end of the stream");
            }
            int body = pos + 2;
            pos += length;
            return body;
        }

        private int u16(int at) {
            return (in[at] & 0xFF) << 8 | in[at + 1] & 0xFF;
        }

        private void frameHeader(int at) throws PixelDataException {
            precision = in[at] & 0xFF;
            int rows = u16(at + 1);
            int columns = u16(at + 3);
            int components = in[at + 5] & 0xFF;
            if (precision < 2 || precision > 16) {
                throw new PixelDataException("lossless JPEG precision " + precision + " is not in 2..16");
            }
            if (rows != format.rows() || columns != format.columns() || components != format.samplesPerPixel()) {
                throw new PixelDataException("lossless JPEG frame is " + columns + "x" + rows + " with " + components
                        + " components, the data set says " + format.columns() + "x" + format.rows() + " with "
                        + format.samplesPerPixel());
            }
            if (precision > format.bitsAllocated()) {
                throw new PixelDataException("lossless JPEG precision " + precision + " exceeds Bits Allocated "
                        + format.bitsAllocated());
            }
            componentIds = new int[components];
            samples = new int[components][rows * columns];
            for (int c = 0; c < components; c++) {
                componentIds[c] = in[at + 6 + 3 * c] & 0xFF;
                int sampling = in[at + 7 + 3 * c] & 0xFF;
                if (sampling != 0x11) {
                    throw new PixelDataException("lossless JPEG component " + componentIds[c]
                            + " is subsampled; only full-resolution components are decoded here");
                }
            }
        }

        private void huffmanTables(int at) throws PixelDataException {
            int end = pos;
            while (at < end) {
                int classAndId = in[at] & 0xFF;
                int[] counts = new int[17];
                int total = 0;
                for (int length = 1; length <= 16; length++) {
                    counts[length] = in[at + length] & 0xFF;
                    total += counts[length];
                }
                if (at + 17 + total > end) {
                    throw new PixelDataException("JPEG Huffman table runs past its marker segment");
                }
                int[] values = new int[total];
                for (int i = 0; i < total; i++) {
                    values[i] = in[at + 17 + i] & 0xFF;
                }
                if ((classAndId >> 4) == 0) { // lossless coding uses the DC table class only
                    int id = classAndId & 0x0F;
                    if (id > 3) {
                        throw new PixelDataException("JPEG Huffman table id " + id + " is not in 0..3");
                    }
                    tables[id] = new HuffmanTable(counts, values);
                }
                at += 17 + total;
            }
        }

        private void scan(int at) throws PixelDataException {
            if (samples == null) {
                throw new PixelDataException("JPEG scan before a lossless frame header (SOF3)");
            }
            int count = in[at] & 0xFF;
            int[] scanComponents = new int[count];
            HuffmanTable[] scanTables = new HuffmanTable[count];
            for (int j = 0; j < count; j++) {
                int id = in[at + 1 + 2 * j] & 0xFF;
                int c = indexOf(id);
                scanComponents[j] = c;
                int table = (in[at + 2 + 2 * j] & 0xFF) >> 4;
                scanTables[j] = table < tables.length ? tables[table] : null;
                if (scanTables[j] == null) {
                    throw new PixelDataException("JPEG scan uses a Huffman table that was not defined");
                }
            }
            int p = at + 1 + 2 * count;
            int predictor = in[p] & 0xFF;
            int transform = in[p + 2] & 0x0F;
            if (predictor < 1 || predictor > 7) {
                throw new PixelDataException("lossless JPEG predictor " + predictor + " is not in 1..7");
            }
            if (transform >= precision || pointTransform >= 0 && transform != pointTransform) {
                throw new PixelDataException("lossless JPEG point transform " + transform + " does not fit");
            }
            pointTransform = transform;
            new ScanDecoder(in, pos, scanComponents, scanTables, predictor, precision - transform).decode();
            pos = scanEnd(pos);
        }

        private int indexOf(int componentId) throws PixelDataException {
            for (int c = 0; c < componentIds.length; c++) {
                if (componentIds[c] == componentId) {
                    return c;
                }
            }
            throw new PixelDataException("JPEG scan names component " + componentId + ", which the frame lacks");
        }

        /** The position of the first marker after entropy-coded data (stuffed bytes and restart markers skipped). */
        private int scanEnd(int from) {
            int p = from;
            while (p + 1 < in.length) {
                if ((in[p] & 0xFF) == 0xFF) {
                    int next = in[p + 1] & 0xFF;
                    if (next != 0 && next != 0xFF && !(next >= RST0 && next < RST0 + 8)) {
                        return p;
                    }
                    if (next != 0xFF) {
                        p++;
                    }
                }
                p++;
            }
            return in.length;
        }

        /** Decodes the entropy-coded data of one scan into {@code samples}. */
        private final class ScanDecoder {
            private final BitReader bits;
            private final int[] components;
            private final HuffmanTable[] huffman;
            private final int predictor;
            private final int mask;
            private final int initial;

            ScanDecoder(byte[] in, int start, int[] components, HuffmanTable[] huffman, int predictor, int bits) {
                this.bits = new BitReader(in, start);
                this.components = components;
                this.huffman = huffman;
                this.predictor = predictor;
                this.mask = (1 << bits) - 1;
                this.initial = 1 << (bits - 1);
            }

            void decode() throws PixelDataException {
                int columns = format.columns();
                int total = format.rows() * columns;
                int untilRestart = restartInterval;
                int intervalStart = 0; // sample index where the current restart interval began
                for (int i = 0; i < total; i++) {
                    if (restartInterval > 0 && untilRestart == 0) {
                        bits.restart();
                        untilRestart = restartInterval;
                        intervalStart = i;
                    }
                    for (int j = 0; j < components.length; j++) {
                        int[] s = samples[components[j]];
                        int prediction = predict(s, i, columns, intervalStart);
                        s[i] = (prediction + difference(huffman[j], i)) & mask;
                    }
                    untilRestart--;
                }
            }

            /**
             * T.81 H.1.2.1: the first sample of a restart interval is predicted from the middle of the range, the rest
             * of its line from the left, the first column from above, everything else by the scan's predictor.
             */
            private int predict(int[] s, int i, int columns, int intervalStart) {
                if (i == intervalStart) {
                    return initial;
                }
                if (i / columns == intervalStart / columns) {
                    return s[i - 1];
                }
                int above = s[i - columns];
                if (i % columns == 0) {
                    return above;
                }
                int left = s[i - 1];
                int aboveLeft = s[i - columns - 1];
                return switch (predictor) {
                    case 1 -> left;
                    case 2 -> above;
                    case 3 -> aboveLeft;
                    case 4 -> left + above - aboveLeft;
                    case 5 -> left + ((above - aboveLeft) >> 1);
                    case 6 -> above + ((left - aboveLeft) >> 1);
                    default -> (left + above) >> 1;
                };
            }

            private int difference(HuffmanTable table, int sample) throws PixelDataException {
                int size = table.decode(bits, sample);
                if (size == 0) {
                    return 0;
                }
                if (size == 16) {
                    return 32768;
                }
                if (size > 16) {
                    throw new PixelDataException("lossless JPEG difference category " + size + " is not in 0..16");
                }
                int value = bits.read(size, sample);
                return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
            }
        }

        /** The decoded samples, shifted back by the point transform, as native little-endian bytes. */
        private byte[] output() {
            byte[] out = new byte[format.frameLength()];
            int pixels = format.rows() * format.columns();
            int components = samples.length;
            boolean planar = format.planarConfiguration() == 1 && components > 1;
            boolean wide = format.bitsAllocated() > 8;
            for (int c = 0; c < components; c++) {
                int[] s = samples[c];
                for (int i = 0; i < pixels; i++) {
                    int value = s[i] << pointTransform;
                    int index = planar ? c * pixels + i : i * components + c;
                    if (wide) {
                        out[2 * index] = (byte) value;
                        out[2 * index + 1] = (byte) (value >> 8);
                    } else {
                        out[index] = (byte) value;
                    }
                }
            }
            return out;
        }
    }

    /** A Huffman table in the form of T.81 F.2.2.3: the largest code and first value of each code length. */
    private static final class HuffmanTable {
        private final int[] maxCode = new int[17];
        private final int[] offset = new int[17];
        private final int[] values;

        HuffmanTable(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int length = 1; length <= 16; length++) {
                offset[length] = k - code;
                code += counts[length];
                k += counts[length];
                maxCode[length] = counts[length] == 0 ? -1 : code - 1;
                code <<= 1;
            }
        }

        int decode(BitReader bits, int sample) throws PixelDataException {
            int code = bits.read(1, sample);
            int length = 1;
            while (code > maxCode[length]) {
                if (++length > 16) {
                    throw new PixelDataException("invalid Huffman code in lossless JPEG data at sample " + sample);
                }
                code = code << 1 | bits.read(1, sample);
            }
            return values[offset[length] + code];
        }
    }

    /** Reads entropy-coded bits, most significant first, undoing byte stuffing (FF 00). */
    private static final class BitReader {
        private final byte[] in;
        private int pos;
        private int buffer;
        private int count;

        BitReader(byte[] in, int pos) {
            this.in = in;
            this.pos = pos;
        }

        int read(int n, int sample) throws PixelDataException {
            while (count < n) {
                if (pos >= in.length || (in[pos] & 0xFF) == 0xFF && pos + 1 < in.length && in[pos + 1] != 0) {
                    throw new PixelDataException("lossless JPEG data ends before sample " + sample
                            + " of the frame is complete");
                }
                buffer = buffer << 8 | in[pos] & 0xFF;
                pos += (in[pos] & 0xFF) == 0xFF ? 2 : 1;
                count += 8;
            }
            count -= n;
            return buffer >>> count & (1 << n) - 1;
        }

        /** Drops the bits left of the current byte and steps over the restart marker that must follow. */
        void restart() throws PixelDataException {
            count = 0;
            buffer = 0;
            while (pos + 1 < in.length && (in[pos] & 0xFF) == 0xFF && (in[pos + 1] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos + 1 >= in.length || (in[pos] & 0xFF) != 0xFF || (in[pos + 1] & 0xF8) != RST0) {
                throw new PixelDataException("lossless JPEG restart marker missing at byte " + pos);
            }
            pos += 2;
        }
    }
}
