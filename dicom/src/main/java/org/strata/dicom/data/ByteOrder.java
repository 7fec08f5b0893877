package org.strata.dicom.data;

/** Little/big-endian reads and writes on byte arrays, and in-place byte swapping. */
public final class ByteOrder {
    private ByteOrder() {
    }

    /** Unsigned 16-bit value at {@code off}. */
    public static int uint16(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF) : (b[off + 1] & 0xFF) << 8 | (b[off] & 0xFF);
    }

    /** 32-bit value at {@code off}. */
    public static int int32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF)
                : (b[off + 3] & 0xFF) << 24 | (b[off + 2] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | (b[off] & 0xFF);
    }

    /** Unsigned 32-bit value at {@code off}. */
    public static long uint32(byte[] b, int off, boolean bigEndian) {
        return int32(b, off, bigEndian) & 0xFFFFFFFFL;
    }

    /** 64-bit value at {@code off}. */
    public static long int64(byte[] b, int off, boolean bigEndian) {
        long hi = int32(b, bigEndian ? off : off + 4, bigEndian) & 0xFFFFFFFFL;
        long lo = int32(b, bigEndian ? off + 4 : off, bigEndian) & 0xFFFFFFFFL;
        return hi << 32 | lo;
    }

    /** Writes a 16-bit value at {@code off}. */
    public static void put16(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            b[off] = (byte) (v >> 8);
            b[off + 1] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >> 8);
        }
    }

    /** Writes a 32-bit value at {@code off}. */
    public static void put32(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            put16(b, off, v >>> 16, true);
            put16(b, off + 2, v, true);
        } else {
            put16(b, off, v, false);
            put16(b, off + 2, v >>> 16, false);
        }
    }

    /** Writes a 64-bit value at {@code off}. */
    public static void put64(byte[] b, int off, long v, boolean bigEndian) {
        put32(b, bigEndian ? off : off + 4, (int) (v >>> 32), bigEndian);
        put32(b, bigEndian ? off + 4 : off, (int) v, bigEndian);
    }

    /** Reverses each {@code unit}-byte group of b[off, off+len) in place (a trailing partial group is left). */
    public static void swap(byte[] b, int off, int len, int unit) {
        if (unit <= 1) {
            return;
        }
        for (int i = off, end = off + len - unit + 1; i < end; i += unit) {
            for (int lo = i, hi = i + unit - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }
}
