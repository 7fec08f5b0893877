package org.strata.dicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value that stays where it is (a range of a file) until someone reads it. The bytes in the range are
 * encoded in {@code bigEndian} byte order (the transfer syntax of the file it points into).
 */
public record BulkData(URI uri, long offset, long length, boolean bigEndian) {

    /** A reference to {@code length} bytes at {@code offset} of a local file. */
    public static BulkData of(Path file, long offset, long length, boolean bigEndian) {
        return new BulkData(file.toUri(), offset, length, bigEndian);
    }

    /** Opens a stream over exactly the referenced bytes; only file URIs are supported. */
    public InputStream openStream() throws IOException {
        if (!"file".equals(uri.getScheme())) {
            throw new IOException("cannot open bulk data at " + uri + ": only file: URIs are supported");
        }
        FileChannel ch = FileChannel.open(Path.of(uri), StandardOpenOption.READ);
        ch.position(offset);
        return new BoundedInputStream(Channels.newInputStream(ch), length);
    }

    /** Reads the referenced bytes, refusing values too large for one array. */
    public byte[] readBytes() throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("bulk data of " + length + " bytes is too large to read into memory");
        }
        try (InputStream in = openStream()) {
            byte[] b = in.readNBytes((int) length);
            if (b.length != length) {
                throw new IOException("bulk data at " + uri + " ends after " + b.length + " of " + length + " bytes");
            }
            return b;
        }
    }

    /** A stream over at most {@code remaining} bytes of another stream, closing it on close. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
