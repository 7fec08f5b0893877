package org.strata.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What DCMTK's encoder never writes: restart intervals (with their markers) and differences of category 16. A
 * minimal encoder here (one component, predictor 1, one Huffman table with every category coded in 5 bits) makes
 * such streams from known samples.
 */
class JpegLosslessCodecTest {
    private static final int ROWS = 9;
    private static final int COLUMNS = 11;

    @Test
    void restartIntervalsOfWholeRowsDecodeToTheSamples() throws PixelDataException {
        int[] samples = new Random(7).ints(ROWS * COLUMNS, 0, 1 << 12).toArray();
        PixelFormat format = new PixelFormat(ROWS, COLUMNS, 1, 16, 0, 1);

        assertArrayEquals(littleEndian(samples), JpegLosslessCodec.decodeFrame(encode(samples, 12, 2 * COLUMNS), format));
        assertArrayEquals(littleEndian(samples), JpegLosslessCodec.decodeFrame(encode(samples, 12, 0), format));
    }

    @Test
    void aDifferenceOfHalfTheRangeIsCategory16() throws PixelDataException {
        int[] samples = new int[ROWS * COLUMNS];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i % 2 == 0 ? 0 : 0x8000; // every step is a difference of 32768 modulo 2^16
        }
        PixelFormat format = new PixelFormat(ROWS, COLUMNS, 1, 16, 0, 1);

        assertArrayEquals(littleEndian(samples), JpegLosslessCodec.decodeFrame(encode(samples, 16, COLUMNS), format));
    }

    @Test
    void aMissingRestartMarkerIsReported() {
        int[] samples = new Random(3).ints(ROWS * COLUMNS, 0, 256).toArray();
        byte[] stream = encode(samples, 8, COLUMNS);
        for (int i = 0; i + 1 < stream.length; i++) {
            if ((stream[i] & 0xFF) == 0xFF && (stream[i + 1] & 0xF8) == 0xD0) {
                stream[i + 1] = (byte) 0xFE; // now a COM marker where RST0 was
                break;
            }
        }
        PixelFormat format = new PixelFormat(ROWS, COLUMNS, 1, 8, 0, 1);

        PixelDataException e = assertThrows(PixelDataException.class,
                () -> JpegLosslessCodec.decodeFrame(stream, format));
        assertTrue(e.getMessage().contains("restart marker missing"), e.getMessage());
    }

    private static byte[] littleEndian(int[] samples) {
        byte[] bytes = new byte[2 * samples.length];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }

    /** One component, predictor 1 (first column from above), restart every {@code interval} samples (0 = none). */
    private static byte[] encode(int[] samples, int precision, int interval) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, 0xFF, 0xD8);
        write(out, 0xFF, 0xC3, 0, 11, precision, 0, ROWS, 0, COLUMNS, 1, 1, 0x11, 0);
        write(out, 0xFF, 0xC4, 0, 36, 0x00, 0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (int category = 0; category <= 16; category++) {
            out.write(category);
        }
        if (interval > 0) {
            write(out, 0xFF, 0xDD, 0, 4, interval >> 8, interval & 0xFF);
        }
        write(out, 0xFF, 0xDA, 0, 8, 1, 1, 0x00, 1, 0, 0);
        Bits bits = new Bits(out);
        int intervalStart = 0;
        for (int i = 0; i < samples.length; i++) {
            if (interval > 0 && i > 0 && i % interval == 0) {
                bits.flush();
                write(out, 0xFF, 0xD0 + (i / interval - 1) % 8);
                intervalStart = i;
            }
            int prediction = i == intervalStart ? 1 << (precision - 1)
                    : i / COLUMNS == intervalStart / COLUMNS || i % COLUMNS != 0 ? samples[i - 1] : samples[i - COLUMNS];
            int difference = (samples[i] - prediction) & 0xFFFF;
            if (difference >= 0x8000) {
                difference -= 0x10000;
            }
            int category = difference == -0x8000 ? 16 : 32 - Integer.numberOfLeadingZeros(Math.abs(difference));
            bits.put(category, 5);
            if (category > 0 && category < 16) {
                bits.put(difference > 0 ? difference : difference + (1 << category) - 1, category);
            }
        }
        bits.flush();
        write(out, 0xFF, 0xD9);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    /** Entropy-coded bits, most significant first, with byte stuffing and 1-bit padding. */
    private static final class Bits {
        private final ByteArrayOutputStream out;
        private int buffer;
        private int count;

        Bits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int value, int length) {
            for (int b = length - 1; b >= 0; b--) {
                buffer = buffer << 1 | (value >> b) & 1;
                if (++count == 8) {
                    emit();
                }
            }
        }

        void flush() {
            while (count != 0) {
                put(1, 1);
            }
        }

        private void emit() {
            out.write(buffer);
            if ((buffer & 0xFF) == 0xFF) {
                out.write(0);
            }
            buffer = 0;
            count = 0;
        }
    }
}
