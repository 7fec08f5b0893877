package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;

class FileMetaInformationTest {

    @Test
    void readingOnlyTheMetaLeavesTheReaderAtTheDataSet() throws IOException {
        Path file = Corpus.TEST_FILES.resolve("CT_small.dcm");
        byte[] bytes = Files.readAllBytes(file);
        try (DicomReader reader = new DicomReader(file)) {
            FileMetaInformation meta = reader.readFileMetaInformation();
            assertEquals(UIDs.ExplicitVRLittleEndian, meta.transferSyntaxUid());
            long start = reader.position();
            // Group length (0002,0000) counts the bytes after its own 12-byte element, which starts at 132.
            assertEquals(132 + 12 + meta.dataset().getLong(Tags.FileMetaInformationGroupLength, -1), start);
            Dataset rest = reader.readDataset(TransferSyntax.forUid(meta.transferSyntaxUid()));
            Dataset fromBytes = DicomReader.readDataset(
                    new ByteArrayInputStream(bytes, (int) start, bytes.length - (int) start), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            assertEquals(fromBytes, rest);
        }
    }

    @Test
    void bareDataSetHasNoMeta() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Dataset ds = new Dataset().setString(Tags.PatientID, VR.LO, "X");
        DicomWriter.writeDataset(out, ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        DicomReader reader = new DicomReader(new ByteArrayInputStream(out.toByteArray()));
        assertNull(reader.readFileMetaInformation());
        assertEquals(0, reader.position());
    }

    @Test
    void metaWrittenAloneIsFollowedByAVerbatimDataSet() throws IOException {
        Dataset ds = new Dataset().setString(Tags.SOPClassUID, VR.UI, UIDs.CTImageStorage)
                .setString(Tags.SOPInstanceUID, VR.UI, "1.2.3.4").setString(Tags.PatientID, VR.LO, "P1");
        FileMetaInformation meta = FileMetaInformation.forDataset(ds, UIDs.DeflatedExplicitVRLittleEndian);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        DicomWriter.writeDataset(encoded, ds, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new DicomWriter(file).writeFileMetaInformation(meta);
        encoded.writeTo(file);
        DicomFile back = new DicomReader(new ByteArrayInputStream(file.toByteArray())).readFile();
        assertEquals(meta.dataset().getString(Tags.MediaStorageSOPInstanceUID), back.meta().mediaStorageSopInstanceUid());
        assertEquals(FileMetaInformation.IMPLEMENTATION_CLASS_UID, back.meta().implementationClassUid());
        assertEquals(ds, back.dataset());
        assertEquals(0, back.tolerations().size());
    }
}
