package org.strata.dicom.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.dict.Tags;

/**
 * Streaming reader of DICOM data sets with bounded memory. {@link #readFile()} reads a Part 10 file
 * (preamble, meta information, data set), tolerating files without preamble or meta; {@link
 * #readDataset(TransferSyntax)} reads a bare data set in a known transfer syntax until the end of input
 * (e.g. a DIMSE command set in implicit VR little endian). Options decide what happens to pixel data: read
 * into memory (default), stop before it, hand it to a {@link BulkDataSink}, or keep {@link BulkData}
 * references into the file. Everything the reader had to work around is listed in {@link #tolerations()};
 * what it cannot repair raises {@link DicomParseException}.
 */
public final class DicomReader implements Closeable {
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    static final int UNDEFINED_LENGTH = -1;
    private static final int MAX_DEPTH = 64;
    /** Small enough that a header-only read does not copy much more than the header. */
    private static final int BUFFER_SIZE = 16 * 1024;

    private enum End { LENGTH, ITEM_DELIMITER, SEQUENCE_DELIMITER, INPUT }

    private final InputStream source;
    private final DicomInput in;
    private final Path file;
    private final long fileSize;
    private final List<Toleration> tolerations = new ArrayList<>();

    private boolean stopBeforePixelData;
    private BulkDataSink sink;
    private boolean bulkDataReferences;
    private long bulkDataThreshold = Long.MAX_VALUE;

    private boolean explicitVr;
    private boolean bigEndian;
    private boolean deflated;
    private boolean stoppedAtPixelData;

    /** Reads from a stream (bulk data references are unavailable). */
    public DicomReader(InputStream in) {
        this.source = in;
        this.in = new DicomInput(in, BUFFER_SIZE);
        this.file = null;
        this.fileSize = -1;
    }

    /** Reads a file (enables {@link #bulkDataReferences}). */
    public DicomReader(Path file) throws IOException {
        this.source = Files.newInputStream(file);
        this.in = new DicomInput(source, BUFFER_SIZE);
        this.file = file;
        this.fileSize = Files.size(file);
    }

    /** Stops reading when the top-level Pixel Data (or Float/Double Float Pixel Data) element is reached. */
    public DicomReader stopBeforePixelData(boolean stop) {
        this.stopBeforePixelData = stop;
        return this;
    }

    /** Hands top-level pixel data to {@code sink} instead of holding it (and values above the threshold). */
    public DicomReader bulkDataSink(BulkDataSink sink) {
        this.sink = sink;
        return this;
    }

    /**
     * Keeps pixel data (and values above the threshold) as {@link BulkData} references into the file
     * instead of reading them; needs the {@link #DicomReader(Path)} constructor and a non-deflated syntax.
     */
    public DicomReader bulkDataReferences(boolean references) {
        if (references && file == null) {
            throw new IllegalStateException("bulk data references need a file; use DicomReader(Path)");
        }
        this.bulkDataReferences = references;
        return this;
    }

    /** OB/OD/OF/OL/OV/OW/UN values at least this long are treated as bulk data too (default: only pixel data). */
    public DicomReader bulkDataThreshold(long bytes) {
        this.bulkDataThreshold = bytes;
        return this;
    }

    /** What the reader worked around so far. */
    public List<Toleration> tolerations() {
        return Collections.unmodifiableList(tolerations);
    }

    /** True if reading stopped at the pixel data element (its header consumed, its value not). */
    public boolean stoppedAtPixelData() {
        return stoppedAtPixelData;
    }

    /** Current position in the decoded input. */
    public long position() {
        return in.position();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    // ---------------------------------------------------------------- entry points

    /**
     * Reads a Part 10 file: 128-byte preamble and "DICM", File Meta Information, then the data set in its
     * transfer syntax. Input without preamble, or without meta information (a bare data set or ACR-NEMA
     * file), is read too, guessing the encoding from the first element, and recorded as a toleration.
     */
    public DicomFile readFile() throws IOException {
        FileMetaInformation meta = readFileMetaInformation();
        TransferSyntax ts;
        if (meta != null && meta.transferSyntaxUid() != null && !meta.transferSyntaxUid().isEmpty()) {
            ts = TransferSyntax.forUid(meta.transferSyntaxUid());
        } else {
            if (meta != null) {
                tolerate(in.position(), Tags.TransferSyntaxUID, "File Meta Information has no Transfer Syntax UID",
                        "guessed the encoding from the first element");
            } else {
                tolerate(0, -1, "no File Meta Information", "read a bare data set, encoding guessed");
            }
            ts = guessTransferSyntax();
        }
        Dataset dataset = readDataset(ts);
        return new DicomFile(meta, dataset, ts, tolerations());
    }

    /**
     * Reads only the preamble, "DICM" and the File Meta Information, leaving the reader at the first byte
     * of the data set ({@link #position()} is then its offset in the file). Returns null, consuming
     * nothing, if the input has no meta information (a bare data set or ACR-NEMA file).
     */
    public FileMetaInformation readFileMetaInformation() throws IOException {
        int have = in.ensure(132);
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        if (have == 132 && b[p + 128] == 'D' && b[p + 129] == 'I' && b[p + 130] == 'C' && b[p + 131] == 'M') {
            in.advance(132);
            return readMeta();
        }
        if (have >= 8 && ByteOrder.uint16(b, p, false) == 0x0002) {
            tolerate(0, -1, "no 128-byte preamble and DICM prefix", "read File Meta Information from byte 0");
            return readMeta();
        }
        return null;
    }

    /**
     * Reads a bare data set (no preamble, no meta information) encoded in {@code ts}, until the end of the
     * input; inflates it first if {@code ts} is deflated.
     */
    public Dataset readDataset(TransferSyntax ts) throws IOException {
        explicitVr = ts.isExplicitVr();
        bigEndian = ts.isBigEndian();
        if (ts.isDeflated()) {
            startInflating();
        }
        if (explicitVr && !firstElementHasValidVr()) {
            tolerate(in.position(), -1, "transfer syntax is explicit VR but the data set is implicit VR",
                    "read it as implicit VR little endian");
            explicitVr = false;
            bigEndian = false;
        }
        Dataset dataset = new Dataset();
        readElements(dataset, -1, 0);
        return dataset;
    }

    /** Convenience: reads a bare data set from a stream in the given transfer syntax. */
    public static Dataset readDataset(InputStream in, TransferSyntax ts) throws IOException {
        return new DicomReader(in).readDataset(ts);
    }

    // ---------------------------------------------------------------- meta information

    private FileMetaInformation readMeta() throws IOException {
        explicitVr = true;
        bigEndian = false;
        Dataset meta = new Dataset();
        long start = in.position();
        long declaredEnd = -1;
        while (in.ensure(8) == 8 && (in.peekI32Tag(false) >>> 16) == 0x0002) {
            if (!firstElementHasValidVr()) {
                if (explicitVr) {
                    tolerate(in.position(), -1, "File Meta Information is implicit VR", "read it as implicit VR");
                }
                explicitVr = false;
            } else {
                explicitVr = true;
            }
            readElement(meta, 0, -1);
            if (declaredEnd < 0 && meta.size() == 1 && meta.tagAt(0) == Tags.FileMetaInformationGroupLength) {
                declaredEnd = in.position() + meta.getLong(Tags.FileMetaInformationGroupLength, 0);
            }
        }
        if (declaredEnd >= 0 && declaredEnd != in.position()) {
            tolerate(start, Tags.FileMetaInformationGroupLength,
                    "group length says the meta information ends at byte " + declaredEnd + ", it ends at " + in.position(),
                    "ignored the group length");
        }
        return new FileMetaInformation(meta);
    }

    private void startInflating() throws IOException {
        // Some writers use a zlib wrapper (RFC 1950) instead of raw deflate (RFC 1951): detect its header.
        boolean zlib = in.ensure(2) == 2 && isZlibHeader(in.buffer()[in.bufferPosition()], in.buffer()[in.bufferPosition() + 1]);
        if (zlib) {
            tolerate(in.position(), -1, "deflated data set has a zlib header", "inflated it as zlib");
        }
        in.rewrap(s -> new InflaterInputStream(s, new Inflater(!zlib), 1 << 15));
        deflated = true;
    }

    private static boolean isZlibHeader(byte b0, byte b1) {
        return (b0 & 0x0F) == 8 && ((b0 & 0xFF) << 8 | (b1 & 0xFF)) % 31 == 0;
    }

    private TransferSyntax guessTransferSyntax() throws IOException {
        if (in.ensure(6) < 6) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        int groupLe = ByteOrder.uint16(b, p, false);
        int groupBe = ByteOrder.uint16(b, p, true);
        boolean vr = VR.ofCode((b[p + 4] & 0xFF) << 8 | (b[p + 5] & 0xFF)) != null;
        if (groupLe > 0xFF && groupBe <= 0xFF) {
            return vr ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        return vr ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }

    private boolean firstElementHasValidVr() throws IOException {
        if (in.ensure(6) < 6) {
            return true;
        }
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        return VR.ofCode((b[p + 4] & 0xFF) << 8 | (b[p + 5] & 0xFF)) != null
                || ByteOrder.uint16(b, p, bigEndian) == 0xFFFE;
    }

    // ---------------------------------------------------------------- elements

    /**
     * Reads elements into {@code ds} until {@code end} (a stream position, or -1 for "until a delimiter or
     * the end of input").
     */
    private End readElements(Dataset ds, long end, int depth) throws IOException {
        while (true) {
            long at = in.position();
            if (end >= 0 && at >= end) {
                if (at > end) {
                    throw new DicomParseException("element overruns the end of its item at byte " + end, at, -1);
                }
                return End.LENGTH;
            }
            int have = in.ensure(8);
            if (have == 0) {
                if (end >= 0) {
                    tolerate(at, -1, "input ends " + (end - at) + " bytes before the end of an item of defined length",
                            "closed the item");
                    return End.INPUT;
                }
                if (depth > 0) {
                    tolerate(at, -1, "input ends inside an item without item delimiter", "closed the item");
                }
                return End.INPUT;
            }
            if (have < 8) {
                if (depth == 0 && end < 0) {
                    tolerate(at, -1, have + " trailing bytes after the data set", "ignored them");
                    in.advance(have);
                    return End.INPUT;
                }
                throw new DicomParseException("input ends inside an element header", at, -1);
            }
            int tag = in.peekI32Tag(bigEndian);
            if (tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION) {
                in.advance(8);
                if (end < 0 && depth > 0) {
                    if (tag == SEQUENCE_DELIMITATION) {
                        tolerate(at, tag, "sequence delimiter where an item delimiter was expected",
                                "closed the item and the sequence");
                        return End.SEQUENCE_DELIMITER;
                    }
                    return End.ITEM_DELIMITER;
                }
                tolerate(at, tag, "delimiter outside an undefined-length item", "ignored it");
                continue;
            }
            if (tag == 0 && depth == 0 && end < 0 && !ds.isEmpty() && isZeroPadding()) {
                return End.INPUT;
            }
            if (stopBeforePixelData && depth == 0 && isPixelData(tag)) {
                stoppedAtPixelData = true;
                return End.INPUT;
            }
            readElement(ds, depth, end);
        }
    }

    /** True (after skipping them) if all remaining bytes are zero: padding some writers append. */
    private boolean isZeroPadding() throws IOException {
        long at = in.position();
        byte[] b = in.buffer();
        long zeros = 0;
        while (true) {
            int have = in.ensure(1 << 15);
            if (have == 0) {
                tolerate(at, -1, zeros + " zero bytes after the data set", "ignored them");
                return true;
            }
            int p = in.bufferPosition();
            for (int k = 0; k < have; k++) {
                if (b[p + k] != 0) {
                    if (zeros == 0) {
                        return false;
                    }
                    throw new DicomParseException("zero bytes followed by data where an element was expected", at, 0);
                }
            }
            in.advance(have);
            zeros += have;
        }
    }

    private static boolean isPixelData(int tag) {
        return tag == Tags.PixelData || tag == Tags.FloatPixelData || tag == Tags.DoubleFloatPixelData;
    }

    private void readElement(Dataset ds, int depth, long end) throws IOException {
        long at = in.position();
        int have = in.ensure(12);
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        if (have < 8) {
            throw new DicomParseException("input ends inside an element header", at, -1);
        }
        int tag = ByteOrder.uint16(b, p, bigEndian) << 16 | ByteOrder.uint16(b, p + 2, bigEndian);
        VR vr;
        long length;
        if (explicitVr && (tag >>> 16) != 0xFFFE) {
            VR explicit = VR.ofCode((b[p + 4] & 0xFF) << 8 | (b[p + 5] & 0xFF));
            if (explicit == null) {
                tolerate(at, tag, String.format("bytes %02X %02X are not a VR", b[p + 4], b[p + 5]),
                        "read the element as implicit VR");
                vr = implicitVr(ds, tag);
                length = ByteOrder.uint32(b, p + 4, bigEndian);
                in.advance(8);
            } else if (!explicit.hasLongHeader()) {
                vr = explicit;
                length = ByteOrder.uint16(b, p + 6, bigEndian);
                in.advance(8);
            } else if (have == 12) {
                vr = explicit;
                length = ByteOrder.uint32(b, p + 8, bigEndian);
                in.advance(12);
            } else {
                throw new DicomParseException("input ends inside an element header", at, tag);
            }
        } else {
            // Implicit VR, and item/delimiter tags, which never carry a VR.
            vr = implicitVr(ds, tag);
            length = ByteOrder.uint32(b, p + 4, bigEndian);
            in.advance(8);
        }
        boolean undefined = length == 0xFFFFFFFFL;
        if (tag == ITEM) {
            throw new DicomParseException("item tag (FFFE,E000) where a data element was expected", at, tag);
        }
        if (undefined) {
            if (vr == VR.SQ) {
                readSequence(ds, tag, VR.SQ, -1, depth);
            } else if (isPixelData(tag) || vr == VR.OB || vr == VR.OW) {
                if (vr != VR.OB && explicitVr) {
                    tolerate(at, tag, "encapsulated pixel data declared " + vr, "read it as OB (PS3.5 A.4)");
                }
                readFragments(ds, tag, VR.OB, at);
            } else if (vr == VR.UN && !explicitVr) {
                // Implicit VR: an element the dictionary does not know, of undefined length, is a sequence.
                readSequence(ds, tag, VR.SQ, -1, depth);
            } else if (vr == VR.UN) {
                readUnknownSequence(ds, tag, depth, at);
            } else {
                tolerate(at, tag, "undefined length on VR " + vr, "read the value as a sequence");
                readSequence(ds, tag, VR.SQ, -1, depth);
            }
            return;
        }
        if (end >= 0 && in.position() + length > end) {
            throw new DicomParseException("value length " + length + " runs past the end of its item", at, tag);
        }
        if (fileSize >= 0 && !deflated && in.position() + length > fileSize) {
            throw new DicomParseException("value length " + length + " exceeds the remaining "
                    + (fileSize - in.position()) + " bytes of the file", at, tag);
        }
        if (vr == VR.SQ || (vr == VR.UN && !explicitVr && length >= 8 && startsWithItem())) {
            // Implicit VR: an unknown element whose value starts with an item tag is a sequence.
            readSequence(ds, tag, VR.SQ, in.position() + length, depth);
            return;
        }
        if ((length & 1) != 0) {
            tolerate(at, tag, "odd value length " + length, "kept the value as it is");
        }
        Object value;
        if (isBulk(tag, vr, length, depth)) {
            value = readBulk(tag, vr, -1, length);
        } else {
            byte[] bytes = in.readBytes(length, tag);
            if (bigEndian && vr.isByteOrderSensitive()) {
                ByteOrder.swap(bytes, 0, bytes.length, vr.byteSwapUnit());
            }
            value = bytes;
        }
        if (!ds.append(tag, vr, value)) {
            tolerate(at, tag, "element occurs twice", "kept the last occurrence");
        }
    }

    private boolean startsWithItem() throws IOException {
        return in.ensure(4) == 4 && in.peekI32Tag(bigEndian) == ITEM;
    }

    private VR implicitVr(Dataset ds, int tag) {
        if (ElementDictionary.isPrivate(tag) && !ElementDictionary.isPrivateCreator(tag) && (tag & 0xFFFF) != 0) {
            ElementDictionary.Entry e = ElementDictionary.lookupPrivate(ds.privateCreatorOf(tag), tag);
            return e == null ? VR.UN : e.vr();
        }
        ElementDictionary.Entry e = ElementDictionary.lookup(tag);
        if (e == null || e.vrs().size() < 2) {
            return ElementDictionary.vrOf(tag);
        }
        // PS3.5 Annex A: without explicit VR, "OB or OW" is OW, and "US or SS" follows Pixel Representation.
        if (e.vrs().contains(VR.OW)) {
            return VR.OW;
        }
        if (e.vrs().contains(VR.SS)) {
            return pixelRepresentation(ds) == 1 ? VR.SS : VR.US;
        }
        return e.vr();
    }

    private static int pixelRepresentation(Dataset ds) {
        for (Dataset d = ds; d != null; d = d.parent()) {
            if (d.contains(Tags.PixelRepresentation)) {
                return d.getInt(Tags.PixelRepresentation, 0);
            }
        }
        return 0;
    }

    private boolean isBulk(int tag, VR vr, long length, int depth) {
        if (sink == null && !bulkDataReferences) {
            return false;
        }
        if (depth == 0 && isPixelData(tag)) {
            return true;
        }
        return length >= bulkDataThreshold && vr.isBinary() && !vr.isMultiValued();
    }

    private BulkData readBulk(int tag, VR vr, int fragment, long length) throws IOException {
        long start = in.position();
        if (sink != null) {
            BulkData result = sink.accept(tag, vr, fragment, length, in.valueStream(length));
            long consumed = in.position() - start;
            in.skip(length - consumed, tag);
            return result;
        }
        in.skip(length, tag);
        return BulkData.of(file, start, length, bigEndian);
    }

    private void readSequence(Dataset ds, int tag, VR vr, long end, int depth) throws IOException {
        long at = in.position();
        if (depth >= MAX_DEPTH) {
            throw new DicomParseException("sequences nested deeper than " + MAX_DEPTH, at, tag);
        }
        if (ds.contains(tag)) {
            tolerate(at, tag, "element occurs twice", "kept the last occurrence");
        }
        Sequence seq = ds.newSequence(tag);
        while (true) {
            long itemAt = in.position();
            if (end >= 0 && itemAt >= end) {
                if (itemAt > end) {
                    throw new DicomParseException("item overruns the end of its sequence at byte " + end, itemAt, tag);
                }
                return;
            }
            int have = in.ensure(8);
            if (have < 8) {
                if (have == 0 && end < 0) {
                    tolerate(itemAt, tag, "input ends inside a sequence without sequence delimiter",
                            "closed the sequence");
                    return;
                }
                throw new DicomParseException("input ends inside a sequence", itemAt, tag);
            }
            int itemTag = in.i32Tag(bigEndian);
            long length = in.i32(bigEndian) & 0xFFFFFFFFL;
            if (itemTag == SEQUENCE_DELIMITATION) {
                if (end >= 0) {
                    tolerate(itemAt, tag, "sequence delimiter in a sequence of defined length", "ended the sequence");
                }
                return;
            }
            if (itemTag != ITEM) {
                throw new DicomParseException(String.format("expected an item (FFFE,E000) in the sequence, found (%04X,%04X)",
                        itemTag >>> 16, itemTag & 0xFFFF), itemAt, tag);
            }
            Dataset item = seq.addItem();
            boolean undefinedItem = length == 0xFFFFFFFFL;
            long itemEnd = undefinedItem ? -1 : in.position() + length;
            if (!undefinedItem && end >= 0 && itemEnd > end) {
                tolerate(itemAt, tag, "item length " + length + " runs past the end of its sequence at byte " + end,
                        "read the whole item and ended the sequence after it");
                end = itemEnd;
            }
            End how = readElements(item, itemEnd, depth + 1);
            if (how == End.INPUT && end < 0) {
                tolerate(in.position(), tag, "input ends inside a sequence without sequence delimiter",
                        "closed the sequence");
            }
            if (how == End.SEQUENCE_DELIMITER || how == End.INPUT) {
                return;
            }
        }
    }

    /** UN of undefined length holds a sequence encoded in implicit VR little endian (PS3.5 §6.2.2). */
    private void readUnknownSequence(Dataset ds, int tag, int depth, long at) throws IOException {
        tolerate(at, tag, "UN of undefined length", "read it as a sequence in implicit VR little endian");
        boolean savedExplicit = explicitVr;
        boolean savedBigEndian = bigEndian;
        explicitVr = false;
        bigEndian = false;
        try {
            readSequence(ds, tag, VR.SQ, -1, depth);
        } finally {
            explicitVr = savedExplicit;
            bigEndian = savedBigEndian;
        }
    }

    private void readFragments(Dataset ds, int tag, VR vr, long at) throws IOException {
        // at: start of the element, for messages of callers; fragments are always OB.
        Fragments fragments = new Fragments();
        int index = 0;
        while (true) {
            long itemAt = in.position();
            int have = in.ensure(8);
            if (have < 8) {
                if (have == 0) {
                    tolerate(itemAt, tag, "input ends inside encapsulated pixel data without sequence delimiter",
                            "closed the pixel data");
                    break;
                }
                throw new DicomParseException("input ends inside encapsulated pixel data", itemAt, tag);
            }
            int itemTag = in.i32Tag(bigEndian);
            long length = in.i32(bigEndian) & 0xFFFFFFFFL;
            if (itemTag == SEQUENCE_DELIMITATION) {
                break;
            }
            if (itemTag != ITEM) {
                throw new DicomParseException(String.format("expected a fragment item (FFFE,E000), found (%04X,%04X)",
                        itemTag >>> 16, itemTag & 0xFFFF), itemAt, tag);
            }
            if (length == 0xFFFFFFFFL) {
                throw new DicomParseException("fragment item of undefined length", itemAt, tag);
            }
            if (fileSize >= 0 && !deflated && in.position() + length > fileSize) {
                throw new DicomParseException("fragment length " + length + " exceeds the remaining "
                        + (fileSize - in.position()) + " bytes of the file", itemAt, tag);
            }
            if (sink != null || bulkDataReferences) {
                BulkData ref = readBulk(tag, vr, index, length);
                if (ref != null) {
                    fragments.add(ref);
                }
            } else {
                fragments.add(in.readBytes(length, tag));
            }
            index++;
        }
        if (!ds.append(tag, vr, fragments)) {
            tolerate(at, tag, "element occurs twice", "kept the last occurrence");
        }
    }

    private void tolerate(long offset, int tag, String problem, String action) {
        // Bounded: a pathological input could otherwise produce one toleration per element forever.
        if (tolerations.size() < 1000) {
            tolerations.add(new Toleration(offset, tag, problem, action));
        }
    }
}
