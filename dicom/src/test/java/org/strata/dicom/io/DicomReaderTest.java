package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;

/** What the reader tolerates (and records) and what it refuses, on small hand-built inputs. */
class DicomReaderTest {
    @TempDir
    Path dir;

    /** Little-endian byte builder for hand-made encodings. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes tag(int tag) {
            return u16(tag >>> 16).u16(tag & 0xFFFF);
        }

        Bytes u16(int v) {
            out.write(v);
            out.write(v >>> 8);
            return this;
        }

        Bytes u32(long v) {
            return u16((int) v & 0xFFFF).u16((int) (v >>> 16) & 0xFFFF);
        }

        Bytes ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Bytes raw(int... b) {
            for (int x : b) {
                out.write(x);
            }
            return this;
        }

        /** Explicit VR LE short-header element. */
        Bytes explicit(int tag, String vr, String value) {
            return tag(tag).ascii(vr).u16(value.length()).ascii(value);
        }

        /** Implicit VR LE element. */
        Bytes implicit(int tag, String value) {
            return tag(tag).u32(value.length()).ascii(value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        DicomReader reader() {
            return new DicomReader(new ByteArrayInputStream(bytes()));
        }
    }

    private static boolean tolerated(DicomReader r, String problem) {
        return r.tolerations().stream().anyMatch(t -> t.problem().contains(problem));
    }

    @Test
    void oddLengthsAreKeptAndRecorded() throws IOException {
        DicomReader r = new Bytes().explicit(Tags.PatientID, "LO", "ABC").reader();
        Dataset ds = r.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("ABC", ds.getString(Tags.PatientID));
        assertTrue(tolerated(r, "odd value length 3"), r.tolerations()::toString);
    }

    @Test
    void bytesThatAreNoVrAreReadAsImplicit() throws IOException {
        DicomReader r = new Bytes().explicit(Tags.PatientID, "LO", "AB")
                .tag(Tags.PatientName).u32(4).ascii("X^Y ").reader();
        Dataset ds = r.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("X^Y", ds.getString(Tags.PatientName));
        assertEquals(VR.PN, ds.vr(Tags.PatientName));
        assertTrue(tolerated(r, "are not a VR"), r.tolerations()::toString);
    }

    @Test
    void missingDelimitersAtTheEndOfInputCloseItemsAndSequences() throws IOException {
        DicomReader r = new Bytes().tag(Tags.ReferencedStudySequence).u32(0xFFFFFFFFL)
                .tag(0xFFFEE000).u32(0xFFFFFFFFL).implicit(Tags.ReferencedSOPInstanceUID, "1.2\0").reader();
        Dataset ds = r.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("1.2", ds.getSequence(Tags.ReferencedStudySequence).get(0).getString(Tags.ReferencedSOPInstanceUID));
        assertTrue(tolerated(r, "without item delimiter"), r.tolerations()::toString);
        assertTrue(tolerated(r, "without sequence delimiter"), r.tolerations()::toString);
    }

    @Test
    void undefinedLengthSequencesInImplicitVrIncludingUnknownPrivateOnes() throws IOException {
        DicomReader r = new Bytes().implicit(0x00090010, "ACME").tag(0x00091001).u32(0xFFFFFFFFL)
                .tag(0xFFFEE000).u32(0xFFFFFFFFL).implicit(Tags.PatientID, "P1").tag(0xFFFEE00D).u32(0)
                .tag(0xFFFEE0DD).u32(0).reader();
        Dataset ds = r.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("P1", ds.getSequence(0x00091001).get(0).getString(Tags.PatientID));
        assertEquals(List.of(), r.tolerations());
    }

    @Test
    void trailingZeroPaddingAndShortTrailingBytesAreIgnored() throws IOException {
        DicomReader r = new Bytes().implicit(Tags.PatientID, "P1").raw(new int[64]).reader();
        assertEquals(1, r.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).size());
        assertTrue(tolerated(r, "64 zero bytes after the data set"), r.tolerations()::toString);
        DicomReader s = new Bytes().implicit(Tags.PatientID, "P1").raw(1, 2, 3).reader();
        assertEquals(1, s.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).size());
        assertTrue(tolerated(s, "3 trailing bytes"), s.tolerations()::toString);
    }

    @Test
    void wrongMetaGroupLengthIsIgnored() throws IOException {
        Bytes b = new Bytes().raw(new int[128]).ascii("DICM");
        b.tag(Tags.FileMetaInformationGroupLength).ascii("UL").u16(4).u32(999);
        b.explicit(Tags.TransferSyntaxUID, "UI", "1.2.840.10008.1.2\0");
        b.implicit(Tags.PatientID, "P1");
        DicomReader r = b.reader();
        DicomFile f = r.readFile();
        assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, f.transferSyntax());
        assertEquals("P1", f.dataset().getString(Tags.PatientID));
        assertTrue(tolerated(r, "group length says"), r.tolerations()::toString);
    }

    @Test
    void duplicateElementsKeepTheLast() throws IOException {
        DicomReader r = new Bytes().implicit(Tags.PatientID, "P1").implicit(Tags.PatientID, "P2").reader();
        assertEquals("P2", r.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).getString(Tags.PatientID));
        assertTrue(tolerated(r, "occurs twice"));
    }

    @Test
    void hugeDeclaredLengthFailsWithoutAllocatingIt() {
        // 1.8 GB declared, 6 bytes present: refused after reading what exists, not after allocating 1.8 GB.
        DicomReader r = new Bytes().tag(Tags.PixelData).ascii("OB").u16(0).u32(0x70000000L).ascii("abcdef").reader();
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> r.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(Tags.PixelData, e.tag());
        assertEquals(12, e.offset()); // where the value starts
        assertTrue(e.getMessage().contains("exceeds the remaining input"), e.getMessage());
    }

    @Test
    void valuesLongerThanTheItemAreRefused() {
        DicomReader r = new Bytes().tag(Tags.ReferencedStudySequence).u32(0xFFFFFFFFL).tag(0xFFFEE000).u32(10)
                .implicit(Tags.PatientID, "P1234567").reader();
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> r.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(Tags.PatientID, e.tag());
        assertTrue(e.getMessage().contains("runs past the end of its item"), e.getMessage());
    }

    @Test
    void absurdNestingIsRefused() {
        Bytes b = new Bytes();
        for (int i = 0; i < 100; i++) {
            b.tag(Tags.ReferencedStudySequence).u32(0xFFFFFFFFL).tag(0xFFFEE000).u32(0xFFFFFFFFL);
        }
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> b.reader().readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        assertTrue(e.getMessage().contains("nested deeper than"), e.getMessage());
    }

    @Test
    void stopBeforePixelDataLeavesItUnread() throws IOException {
        DicomReader r = new Bytes().implicit(Tags.PatientID, "P1").tag(Tags.PixelData).u32(4).raw(1, 2, 3, 4)
                .implicit(0x7FE10010, "XX").reader().stopBeforePixelData(true);
        Dataset ds = r.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertTrue(r.stoppedAtPixelData());
        assertEquals(1, ds.size());
    }

    @Test
    void sinkReceivesNativeAndEncapsulatedPixelDataWithoutTheReaderHoldingIt() throws IOException {
        List<String> seen = new ArrayList<>();
        BulkDataSink sink = (tag, vr, fragment, length, value) -> {
            byte[] b = value.readNBytes((int) length);
            seen.add(fragment + ":" + new String(b, StandardCharsets.US_ASCII));
            return fragment == 1 ? new BulkData(dir.toUri(), 7, length, false) : null;
        };
        Bytes b = new Bytes().tag(Tags.PixelData).ascii("OB").u16(0).u32(0xFFFFFFFFL)
                .tag(0xFFFEE000).u32(0).tag(0xFFFEE000).u32(4).ascii("JPEG").tag(0xFFFEE000).u32(2).ascii("XY")
                .tag(0xFFFEE0DD).u32(0);
        DicomReader r = b.reader().bulkDataSink(sink);
        Dataset ds = r.readDataset(TransferSyntax.forUid("1.2.840.10008.1.2.4.50"));
        assertEquals(List.of("0:", "1:JPEG", "2:XY"), seen);
        Fragments f = ds.getFragments(Tags.PixelData);
        assertEquals(1, f.size());
        assertEquals(7, f.reference(0).offset());
    }

    @Test
    void bulkDataReferencesPointIntoTheFile() throws IOException {
        Dataset ds = new Dataset().setString(Tags.SOPClassUID, VR.UI, "1.2").setString(Tags.SOPInstanceUID, VR.UI, "3.4");
        byte[] pixels = {1, 0, 2, 0, 3, 0, 4, 0};
        ds.setBytes(Tags.PixelData, VR.OW, pixels);
        Path file = dir.resolve("f.dcm");
        Part10.write(file, ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        DicomFile f = Part10.readWithBulkDataReferences(file);
        BulkData ref = f.dataset().getBulkData(Tags.PixelData);
        assertEquals(8, ref.length());
        assertTrue(ref.bigEndian());
        byte[] raw = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {0, 1, 0, 2, 0, 3, 0, 4}, java.util.Arrays.copyOfRange(raw, (int) ref.offset(), (int) ref.offset() + 8));
        assertArrayEquals(pixels, f.dataset().readBytes(Tags.PixelData));
        // Written back little endian straight from the file, swapped on the way.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeDataset(out, f.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dataset back = DicomReader.readDataset(new ByteArrayInputStream(out.toByteArray()), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(pixels, back.getBytes(Tags.PixelData));
    }

    @Test
    void commandSetRoundTripInImplicitVrWithGroupLength() throws IOException {
        Dataset cmd = new Dataset();
        cmd.setString(Tags.AffectedSOPClassUID, VR.UI, "1.2.840.10008.1.1");
        cmd.setInt(Tags.CommandField, VR.US, 0x0030);
        cmd.setInt(Tags.MessageID, VR.US, 7);
        cmd.setInt(Tags.CommandDataSetType, VR.US, 0x0101);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeDataset(out, cmd, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        byte[] bytes = out.toByteArray();
        // (0000,0000) UL, 4 bytes, value = everything after it.
        assertEquals(bytes.length - 12, ByteOrderLe.u32(bytes, 8));
        Dataset back = DicomReader.readDataset(new ByteArrayInputStream(bytes), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertEquals(bytes.length - 12, back.getLong(Tags.CommandGroupLength, -1));
        assertEquals(7, back.getInt(Tags.MessageID, -1));
        assertEquals("1.2.840.10008.1.1", back.getString(Tags.AffectedSOPClassUID));
    }

    @Test
    void emptyInputGivesAnEmptyDataSet() throws IOException {
        InputStream empty = new ByteArrayInputStream(new byte[0]);
        DicomReader r = new DicomReader(empty);
        assertNull(r.readFileMetaInformation());
        assertEquals(0, r.readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).size());
    }

    /** Little-endian reads for assertions on raw bytes. */
    private static final class ByteOrderLe {
        static long u32(byte[] b, int off) {
            return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (long) (b[off + 3] & 0xFF) << 24;
        }
    }
}
