package org.strata.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffered little/big-endian reading over an InputStream with position tracking and bounded allocation:
 * a declared length is never allocated up front beyond what the input has actually delivered.
 */
final class DicomInput {
    /** Values up to this size are allocated at once; larger ones grow chunk by chunk as bytes arrive. */
    private static final int DIRECT_ALLOCATION_LIMIT = 1 << 20;

    private InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    /** Stream position of buf[0]. */
    private long base;
    private boolean eof;

    DicomInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** Current position in the (decoded) stream. */
    long position() {
        return base + pos;
    }

    /**
     * Makes up to n bytes available in the buffer; returns how many are (fewer only at end of input, or
     * when n exceeds the buffer size).
     */
    int ensure(int wanted) throws IOException {
        int n = Math.min(wanted, buf.length);
        int have = limit - pos;
        if (have >= n || eof) {
            return Math.min(have, n);
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, have);
            base += pos;
            pos = 0;
            limit = have;
        }
        while (limit < n && !eof) {
            int r = read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return Math.min(limit - pos, n);
    }

    /** Reads from the source; corrupt deflate data becomes a parse failure (it is bad input, not an I/O fault). */
    private int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DicomParseException("deflated data set is corrupt or truncated: " + e.getMessage(), position(),
                    DicomParseException.NO_TAG, e);
        }
    }

    /** True if no byte is left. */
    boolean atEnd() throws IOException {
        return ensure(1) == 0;
    }

    byte[] buffer() {
        return buf;
    }

    int bufferPosition() {
        return pos;
    }

    void advance(int n) {
        pos += n;
    }

    int u8(long at) throws IOException {
        need(1, at);
        return buf[pos++] & 0xFF;
    }

    int u16(boolean bigEndian) throws IOException {
        need(2, position());
        int v = bigEndian ? (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF) : (buf[pos + 1] & 0xFF) << 8 | (buf[pos] & 0xFF);
        pos += 2;
        return v;
    }

    int i32(boolean bigEndian) throws IOException {
        need(4, position());
        int v = org.strata.dicom.data.ByteOrder.int32(buf, pos, bigEndian);
        pos += 4;
        return v;
    }

    /** Reads a tag: group then element, each 16-bit in the given byte order. */
    int i32Tag(boolean bigEndian) throws IOException {
        int group = u16(bigEndian);
        return group << 16 | u16(bigEndian);
    }

    /** Peeks a tag at the current position without consuming it; requires 4 bytes available. */
    int peekI32Tag(boolean bigEndian) {
        return org.strata.dicom.data.ByteOrder.uint16(buf, pos, bigEndian) << 16
                | org.strata.dicom.data.ByteOrder.uint16(buf, pos + 2, bigEndian);
    }

    private void need(int n, long at) throws IOException {
        if (ensure(n) < n) {
            throw new DicomParseException("input ends " + (limit - pos) + " bytes into a " + n + "-byte field", at,
                    DicomParseException.NO_TAG);
        }
    }

    /** Reads exactly len bytes; throws if the input ends first (allocating only what has arrived). */
    byte[] readBytes(long len, int tag) throws IOException {
        long start = position();
        if (len > Integer.MAX_VALUE - 16) {
            throw new DicomParseException("value length " + len + " is too large to hold in memory", start, tag);
        }
        int n = (int) len;
        if (n <= limit - pos) {
            byte[] b = new byte[n];
            System.arraycopy(buf, pos, b, 0, n);
            pos += n;
            return b;
        }
        if (n <= DIRECT_ALLOCATION_LIMIT) {
            byte[] b = new byte[n];
            fill(b, 0, n, start, len, tag);
            return b;
        }
        List<byte[]> chunks = new ArrayList<>();
        int remaining = n;
        while (remaining > 0) {
            int c = Math.min(remaining, DIRECT_ALLOCATION_LIMIT);
            byte[] chunk = new byte[c];
            fill(chunk, 0, c, start, len, tag);
            chunks.add(chunk);
            remaining -= c;
        }
        byte[] b = new byte[n];
        int off = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, b, off, c.length);
            off += c.length;
        }
        return b;
    }

    private void fill(byte[] b, int off, int n, long start, long len, int tag) throws IOException {
        int have = Math.min(limit - pos, n);
        System.arraycopy(buf, pos, b, off, have);
        pos += have;
        int done = have;
        try {
            while (done < n) {
                int r = eof ? -1 : read(b, off + done, n - done);
                if (r < 0) {
                    eof = true;
                    throw new DicomParseException("value length " + len + " exceeds the remaining input", start, tag);
                }
                done += r;
            }
        } finally {
            // Bytes read directly into b bypassed the (now empty) buffer: move the stream position past them.
            base += done - have;
        }
    }

    /** Skips exactly len bytes; throws if the input ends first. */
    void skip(long len, int tag) throws IOException {
        long start = position();
        long remaining = len;
        while (remaining > 0) {
            int have = ensure((int) Math.min(remaining, buf.length));
            if (have == 0) {
                throw new DicomParseException("value length " + len + " exceeds the remaining input", start, tag);
            }
            pos += have;
            remaining -= have;
        }
    }

    /** A stream over the next len bytes (consumed through this input); the caller skips what it leaves. */
    InputStream valueStream(long len) {
        return new InputStream() {
            private long remaining = len;

            @Override
            public int read() throws IOException {
                if (remaining <= 0 || ensure(1) == 0) {
                    return -1;
                }
                remaining--;
                return buf[pos++] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int n) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int have = ensure((int) Math.min(Math.min(n, remaining), buf.length));
                if (have == 0) {
                    return -1;
                }
                System.arraycopy(buf, pos, b, off, have);
                pos += have;
                remaining -= have;
                return have;
            }
        };
    }

    /**
     * Replaces the source by what follows the current position, passed through {@code wrap} (used to
     * inflate a deflated data set); positions restart at 0 in the new stream.
     */
    void rewrap(java.util.function.UnaryOperator<InputStream> wrap) {
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, pos, limit - pos), in);
        in = wrap.apply(rest);
        pos = 0;
        limit = 0;
        base = 0;
        eof = false;
    }
}
