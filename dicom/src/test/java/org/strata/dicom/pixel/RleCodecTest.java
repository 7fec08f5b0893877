package org.strata.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RleCodecTest {

    @ParameterizedTest
    @CsvSource({"1,8,0", "1,16,0", "1,32,0", "3,8,0", "3,8,1", "3,16,0", "3,16,1", "3,32,1", "1,64,0"})
    void roundTripsNoisyAndFlatImages(int samples, int bits, int planar) throws PixelDataException {
        PixelFormat format = new PixelFormat(37, 301, samples, bits, planar, 1);
        Random random = new Random(samples * 1000 + bits * 10 + planar);
        byte[] frame = new byte[format.frameLength()];
        for (int i = 0; i < frame.length; i++) {
            // Mix noise with runs of every length so both PackBits branches and the 128 limit are hit.
            frame[i] = (i / 7) % 3 == 0 ? (byte) random.nextInt() : (byte) ((i / (1 + i % 300)) & 0x3);
        }
        byte[] rle = RleCodec.encodeFrame(frame, format);
        assertEquals(0, rle.length % 2, "a fragment has even length");
        assertArrayEquals(frame, RleCodec.decodeFrame(rle, format));
    }

    @Test
    void flatRowsBecomeReplicateRunsThatStopAtEachRow() throws PixelDataException {
        PixelFormat format = new PixelFormat(2, 200, 1, 8, 0, 1);
        byte[] frame = new byte[400];
        Arrays.fill(frame, (byte) 9);
        byte[] rle = RleCodec.encodeFrame(frame, format);
        // Per row: run of 128 (header -127) then run of 72 (header -71); two rows; no padding needed.
        byte[] segment = {-127, 9, -71, 9, -127, 9, -71, 9};
        assertEquals(64 + segment.length, rle.length);
        assertEquals(1, rle[0]);
        assertEquals(64, rle[4]);
        assertArrayEquals(segment, Arrays.copyOfRange(rle, 64, rle.length));
    }

    @Test
    void segmentsHoldMostSignificantBytesFirst() throws PixelDataException {
        PixelFormat format = new PixelFormat(1, 2, 1, 16, 0, 1);
        byte[] rle = new byte[64 + 8];
        rle[0] = 2;
        rle[4] = 64;
        rle[8] = 68;
        byte[] segments = {1, 0x12, 0x34, 0, 1, 0x56, 0x78, 0}; // literal runs of 2: high bytes, then low bytes
        System.arraycopy(segments, 0, rle, 64, segments.length);
        assertArrayEquals(new byte[] {0x56, 0x12, 0x78, 0x34}, RleCodec.decodeFrame(rle, format));
    }

    @Test
    void skipsNoOpHeadersAndIgnoresBytesBeyondThePlane() throws PixelDataException {
        PixelFormat format = new PixelFormat(1, 3, 1, 8, 0, 1);
        byte[] rle = new byte[64 + 5];
        rle[0] = 1;
        rle[4] = 64;
        byte[] segment = {-128, -3, 7, -128, 0};
        System.arraycopy(segment, 0, rle, 64, segment.length);
        assertArrayEquals(new byte[] {7, 7, 7}, RleCodec.decodeFrame(rle, format));
    }

    @Test
    void refusesMalformedFramesWithACheckedException() {
        PixelFormat gray = new PixelFormat(2, 2, 1, 8, 0, 1);
        assertMessage("shorter than its 64-byte header", new byte[10], gray);
        byte[] rle = new byte[70];
        rle[0] = 3;
        assertMessage("declares 3 segments, the image needs 1", rle, gray);
        rle[0] = 1;
        rle[4] = (byte) 200;
        assertMessage("outside the frame", rle, gray);
        rle[4] = 64;
        rle[64] = 10; // literal of 11 bytes in a 6-byte segment
        assertMessage("ends inside a literal run", rle, gray);
        rle[64] = 1; // literal of 2 then padding: only 2 of 4 bytes
        rle[67] = -128;
        rle[68] = -128;
        rle[69] = -128;
        assertMessage("decodes to 2 bytes, expected 4", rle, gray);
        PixelFormat tooDeep = new PixelFormat(2, 2, 3, 64, 0, 1);
        PixelDataException e = assertThrows(PixelDataException.class, () -> RleCodec.encodeFrame(new byte[96], tooDeep));
        assertTrue(e.getMessage().contains("at most 15 segments"), e.getMessage());
        PixelFormat bits = new PixelFormat(8, 8, 1, 1, 0, 1);
        assertThrows(PixelDataException.class, () -> RleCodec.encodeFrame(new byte[8], bits));
    }

    private static void assertMessage(String expected, byte[] rle, PixelFormat format) {
        PixelDataException e = assertThrows(PixelDataException.class, () -> RleCodec.decodeFrame(rle, format));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
