package org.strata.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;

/**
 * Writes data sets in any uncompressed transfer syntax (implicit/explicit VR, little/big endian, deflated),
 * either bare ({@link #writeDataset}, e.g. a DIMSE command set in implicit VR little endian) or as a
 * Part 10 file with preamble and meta information ({@link #writeFile}). Encapsulated pixel data is written
 * as it is held (fragments), so encapsulated syntaxes pass through. Group lengths are always written for
 * groups 0000 and 0002, recomputed for other groups that already have one, and added for all groups with
 * {@link #groupLengths(boolean)}. Sequences and items have undefined length unless
 * {@link #definedLengths(boolean)}. Unchanged values are written byte for byte (odd ones padded).
 * The writer buffers; {@link #writeFile} and {@link #writeDataset} flush when done.
 */
public final class DicomWriter {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final OutputStream target;
    private OutputStream out;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int count;
    private boolean explicitVr;
    private boolean bigEndian;
    private boolean groupLengths;
    private boolean definedLengths;

    /** A writer onto {@code out} (not closed by the writer). */
    public DicomWriter(OutputStream out) {
        this.target = out;
        this.out = out;
    }

    /** Adds a group length element to every group (default: only where the data set already has one). */
    public DicomWriter groupLengths(boolean groupLengths) {
        this.groupLengths = groupLengths;
        return this;
    }

    /** Writes sequences and items with defined lengths instead of delimiters. */
    public DicomWriter definedLengths(boolean definedLengths) {
        this.definedLengths = definedLengths;
        return this;
    }

    /** Convenience: writes a bare data set in {@code ts} to {@code out}. */
    public static void writeDataset(OutputStream out, Dataset dataset, TransferSyntax ts) throws IOException {
        new DicomWriter(out).writeDataset(dataset, ts);
    }

    /** Writes preamble, "DICM", the meta information (explicit VR LE) and the data set in the meta's syntax. */
    public void writeFile(FileMetaInformation meta, Dataset dataset) throws IOException {
        String tsUid = meta.transferSyntaxUid();
        if (tsUid == null || tsUid.isEmpty()) {
            throw new IllegalArgumentException("File Meta Information needs a Transfer Syntax UID");
        }
        writeFileMetaInformation(meta);
        writeDataset(dataset, TransferSyntax.forUid(tsUid));
    }

    /**
     * Writes only the 128-byte preamble, "DICM" and the meta information (with its group length), so a
     * data set already encoded in the meta's transfer syntax can be copied after it verbatim.
     */
    public void writeFileMetaInformation(FileMetaInformation meta) throws IOException {
        ensure(132);
        java.util.Arrays.fill(buf, count, count + 128, (byte) 0);
        count += 128;
        buf[count++] = 'D';
        buf[count++] = 'I';
        buf[count++] = 'C';
        buf[count++] = 'M';
        explicitVr = true;
        bigEndian = false;
        writeElements(meta.dataset());
        flushBuffer();
        target.flush();
    }

    /** Writes a bare data set (no preamble, no meta) in {@code ts}; deflates it if {@code ts} is deflated. */
    public void writeDataset(Dataset dataset, TransferSyntax ts) throws IOException {
        explicitVr = ts.isExplicitVr();
        bigEndian = ts.isBigEndian();
        if (ts.isDeflated()) {
            flushBuffer();
            DeflaterOutputStream deflater = new DeflaterOutputStream(target, new Deflater(Deflater.DEFAULT_COMPRESSION, true),
                    BUFFER_SIZE);
            out = deflater;
            try {
                writeElements(dataset);
                flushBuffer();
                deflater.finish();
            } finally {
                out = target;
            }
        } else {
            writeElements(dataset);
        }
        flushBuffer();
        target.flush();
    }

    // ---------------------------------------------------------------- elements

    private void writeElements(Dataset ds) throws IOException {
        int size = ds.size();
        int group = -1;
        for (int i = 0; i < size; i++) {
            int tag = ds.tagAt(i);
            int g = tag >>> 16;
            if (g != group) {
                group = g;
                if (g != 0xFFFE && (groupLengths || g == 0x0000 || g == 0x0002 || ds.contains(g << 16))) {
                    writeHeader(g << 16, VR.UL, 4);
                    write32((int) groupLength(ds, i, g));
                }
            }
            if ((tag & 0xFFFF) == 0) {
                continue;
            }
            writeElement(ds, tag, ds.vrAt(i), ds.valueAt(i));
        }
    }

    /** Encoded length of the elements of group {@code g} starting at index {@code from}, group length excluded. */
    private long groupLength(Dataset ds, int from, int g) {
        long total = 0;
        for (int i = from; i < ds.size() && ds.tagAt(i) >>> 16 == g; i++) {
            if ((ds.tagAt(i) & 0xFFFF) != 0) {
                total += elementLength(ds, ds.vrAt(i), ds.valueAt(i));
            }
        }
        return total;
    }

    private long datasetLength(Dataset ds) {
        long total = 0;
        int group = -1;
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            int g = tag >>> 16;
            if (g != group) {
                group = g;
                if (g != 0xFFFE && (groupLengths || g == 0x0000 || g == 0x0002 || ds.contains(g << 16))) {
                    total += headerLength(VR.UL, 4) + 4;
                }
            }
            if ((tag & 0xFFFF) != 0) {
                total += elementLength(ds, ds.vrAt(i), ds.valueAt(i));
            }
        }
        return total;
    }

    private long elementLength(Dataset ds, VR vr, Object value) {
        long valueLength = valueLength(ds, vr, value);
        if (value instanceof Sequence || value instanceof Fragments) {
            long delimiters = definedLengths && value instanceof Sequence ? 0 : 8;
            return headerLength(vr, 0) + valueLength + delimiters;
        }
        return headerLength(vr, valueLength) + valueLength;
    }

    private long valueLength(Dataset ds, VR vr, Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof byte[] b) {
            return b.length + (b.length & 1);
        }
        if (value instanceof String s) {
            int n = ds.encodeText(vr, s).length;
            return n + (n & 1);
        }
        if (value instanceof BulkData b) {
            return b.length() + (b.length() & 1);
        }
        if (value instanceof Fragments f) {
            long total = 0;
            for (int k = 0; k < f.size(); k++) {
                total += 8 + f.length(k) + (f.length(k) & 1);
            }
            return total;
        }
        Sequence seq = (Sequence) value;
        long total = 0;
        for (Dataset item : seq) {
            total += 8 + datasetLength(item) + (definedLengths ? 0 : 8);
        }
        return total;
    }

    private long headerLength(VR vr, long valueLength) {
        if (!explicitVr) {
            return 8;
        }
        return vr.hasLongHeader() || valueLength > 0xFFFF ? 12 : 8;
    }

    private void writeElement(Dataset ds, int tag, VR vr, Object value) throws IOException {
        if (value instanceof Sequence seq) {
            writeSequence(ds, tag, seq);
        } else if (value instanceof Fragments f) {
            writeHeader(tag, vr, UNDEFINED);
            for (int k = 0; k < f.size(); k++) {
                long len = f.length(k);
                writeTagAndLength(DicomReader.ITEM, len + (len & 1));
                if (f.isReference(k)) {
                    copyBulk(f.reference(k), vr);
                } else {
                    writeValueBytes(f.bytes(k), vr, false);
                }
                if ((len & 1) != 0) {
                    writeByte(0);
                }
            }
            writeTagAndLength(DicomReader.SEQUENCE_DELIMITATION, 0);
        } else if (value instanceof BulkData b) {
            long len = b.length();
            writeHeader(tag, vr, len + (len & 1));
            copyBulk(b, vr);
            if ((len & 1) != 0) {
                writeByte(vr.paddingByte());
            }
        } else {
            byte[] bytes = value == null ? new byte[0] : value instanceof String s ? ds.encodeText(vr, s) : (byte[]) value;
            int len = bytes.length;
            writeHeader(tag, vr, len + (len & 1));
            writeValueBytes(bytes, vr, true);
            if ((len & 1) != 0) {
                writeByte(vr.paddingByte());
            }
        }
    }

    private void writeSequence(Dataset ds, int tag, Sequence seq) throws IOException {
        writeHeader(tag, VR.SQ, definedLengths ? valueLength(ds, VR.SQ, seq) : UNDEFINED);
        for (Dataset item : seq) {
            writeTagAndLength(DicomReader.ITEM, definedLengths ? datasetLength(item) : UNDEFINED);
            writeElements(item);
            if (!definedLengths) {
                writeTagAndLength(DicomReader.ITEM_DELIMITATION, 0);
            }
        }
        if (!definedLengths) {
            writeTagAndLength(DicomReader.SEQUENCE_DELIMITATION, 0);
        }
    }

    private void writeHeader(int tag, VR vr, long length) throws IOException {
        ensure(12);
        writeTag(tag);
        if (!explicitVr) {
            write32((int) length);
            return;
        }
        // A value too long for a 2-byte length field can only be written as UN (PS3.5 §6.2.2 note).
        VR written = !vr.hasLongHeader() && length > 0xFFFF && length != UNDEFINED ? VR.UN : vr;
        buf[count++] = (byte) (written.code() >> 8);
        buf[count++] = (byte) written.code();
        if (written.hasLongHeader()) {
            buf[count++] = 0;
            buf[count++] = 0;
            write32((int) length);
        } else {
            write16((int) length);
        }
    }

    private void writeTagAndLength(int tag, long length) throws IOException {
        ensure(8);
        writeTag(tag);
        write32((int) length);
    }

    private void writeTag(int tag) {
        ByteOrder.put16(buf, count, tag >>> 16, bigEndian);
        ByteOrder.put16(buf, count + 2, tag, bigEndian);
        count += 4;
    }

    private void write16(int v) {
        ByteOrder.put16(buf, count, v, bigEndian);
        count += 2;
    }

    private void write32(int v) throws IOException {
        ensure(4);
        ByteOrder.put32(buf, count, v, bigEndian);
        count += 4;
    }

    private void writeByte(int b) throws IOException {
        ensure(1);
        buf[count++] = (byte) b;
    }

    /** Writes a little-endian value in the target byte order (never modifying {@code bytes}). */
    private void writeValueBytes(byte[] bytes, VR vr, boolean swapAllowed) throws IOException {
        boolean swap = swapAllowed && bigEndian && vr.isByteOrderSensitive();
        int unit = vr.byteSwapUnit();
        int off = 0;
        while (off < bytes.length) {
            if (count == buf.length) {
                flushBuffer();
            }
            int n = Math.min(bytes.length - off, buf.length - count);
            if (swap) {
                n -= n % unit;
                if (n == 0) {
                    n = bytes.length - off; // trailing partial unit of an odd-length value: left as is
                }
            }
            System.arraycopy(bytes, off, buf, count, n);
            if (swap) {
                ByteOrder.swap(buf, count, n, unit);
            }
            count += n;
            off += n;
        }
    }

    private void copyBulk(BulkData bulk, VR vr) throws IOException {
        boolean swap = bulk.bigEndian() != bigEndian && vr.isByteOrderSensitive();
        int unit = vr.byteSwapUnit();
        try (InputStream in = bulk.openStream()) {
            long remaining = bulk.length();
            while (remaining > 0) {
                if (buf.length - count < 8) {
                    flushBuffer();
                }
                int want = (int) Math.min(remaining, buf.length - count);
                if (swap && want >= unit) {
                    want -= want % unit;
                }
                int n = in.readNBytes(buf, count, want);
                if (n < want) {
                    throw new IOException("bulk data " + bulk.uri() + " ended " + (remaining - n) + " bytes early");
                }
                if (swap) {
                    ByteOrder.swap(buf, count, n, unit);
                }
                count += n;
                remaining -= n;
            }
        }
    }

    private void ensure(int n) throws IOException {
        if (buf.length - count < n) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
