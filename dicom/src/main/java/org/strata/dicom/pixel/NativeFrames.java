package org.strata.dicom.pixel;

import java.util.Arrays;

/** Frame access in native (uncompressed) pixel data: where frame N lies, and its bytes. */
public final class NativeFrames {

    private NativeFrames() {
    }

    /**
     * Byte offset of a frame within the Pixel Data value. For Bits Allocated 1 a frame may start inside a
     * byte; this returns the byte holding its first bit ({@link #frame} shifts it out).
     */
    public static long frameOffset(PixelFormat format, int frame) throws PixelDataException {
        checkFrame(format, frame);
        return format.bitsPerFrame() * frame / 8;
    }

    /** Copies one frame out of the Pixel Data value; 1-bit frames come back starting at bit 0 of byte 0. */
    public static byte[] frame(byte[] pixelData, PixelFormat format, int frame) throws PixelDataException {
        checkFrame(format, frame);
        if (pixelData.length < format.totalLength()) {
            throw new PixelDataException("Pixel Data has " + pixelData.length + " bytes, " + format.numberOfFrames()
                    + " frames need " + format.totalLength());
        }
        long firstBit = format.bitsPerFrame() * frame;
        int from = (int) (firstBit / 8);
        int length = format.frameLength();
        int shift = (int) (firstBit % 8);
        if (shift == 0) {
            return Arrays.copyOfRange(pixelData, from, from + length);
        }
        // 1-bit pixels are packed from the least significant bit (PS3.5 D.2), so shift right across bytes.
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int low = (pixelData[from + i] & 0xFF) >>> shift;
            int high = from + i + 1 < pixelData.length ? (pixelData[from + i + 1] & 0xFF) << (8 - shift) : 0;
            out[i] = (byte) (low | high);
        }
        int tailBits = (int) (format.bitsPerFrame() % 8);
        if (tailBits != 0) {
            out[length - 1] &= (byte) ((1 << tailBits) - 1); // bits of the next frame are not ours
        }
        return out;
    }

    private static void checkFrame(PixelFormat format, int frame) throws PixelDataException {
        format.validate();
        if (frame < 0 || frame >= format.numberOfFrames()) {
            throw new PixelDataException("frame " + frame + " out of range 0.." + (format.numberOfFrames() - 1));
        }
    }
}
