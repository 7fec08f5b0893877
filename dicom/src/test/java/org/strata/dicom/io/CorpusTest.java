package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dict.Tags;

/** Every corpus file is read; the broken ones fail with the specific checked exception dcmdump also refuses. */
class CorpusTest {

    /** Damaged DICOM files (dcmdump refuses them too): the element and problem we must report. */
    private static final Map<String, Expected> BROKEN = Map.of(
            "MR_truncated.dcm", new Expected(Tags.PixelData, "exceeds the remaining"),
            "rtplan_truncated.dcm", new Expected(0x300A00B0, "exceeds the remaining"),
            // First byte of the data set is missing: every following tag is shifted.
            "no_meta.dcm", new Expected(0x08200500, "exceeds the remaining"));

    private record Expected(int tag, String problem) {
    }

    private static boolean isNotDicom(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".txt") || name.endsWith(".json") || name.endsWith(".dump") || name.endsWith(".gz")
                || name.equals("README");
    }

    @Test
    void everyCorpusFileIsReadOrRefusedSpecifically() throws IOException {
        List<Path> files = Corpus.allFiles();
        assertTrue(files.size() > 150, "corpus too small: " + files.size());
        int read = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            Expected broken = BROKEN.get(name);
            if (broken != null) {
                DicomParseException e = assertThrows(DicomParseException.class, () -> Part10.read(f), name);
                assertEquals(broken.tag(), e.tag(), name + ": " + e.getMessage());
                assertTrue(e.getMessage().contains(broken.problem()), name + ": " + e.getMessage());
                assertTrue(e.offset() > 0 || name.equals("no_meta.dcm"), name + ": " + e.getMessage());
            } else if (isNotDicom(f)) {
                // Text, JSON and gzip files parse as garbage tags with absurd lengths at byte 0.
                DicomParseException e = assertThrows(DicomParseException.class, () -> Part10.read(f), name);
                assertEquals(0, e.offset(), name + ": " + e.getMessage());
            } else {
                DicomFile file = Part10.read(f);
                assertFalse(file.dataset().isEmpty(), name);
                read++;
            }
        }
        assertTrue(read > 140, "only " + read + " files read");
    }

    @Test
    void implicitDataSetUnderExplicitTransferSyntaxIsTolerated() throws IOException {
        // dcmdump refuses this file; its meta says JPEG Baseline (explicit VR) but the data set is implicit VR.
        DicomFile f = Part10.read(Corpus.TEST_FILES.resolve("SC_rgb_jpeg.dcm"));
        assertTrue(f.tolerations().stream().anyMatch(t -> t.problem().contains("implicit VR")), f.tolerations()::toString);
        assertEquals("DERIVED", f.dataset().getString(Tags.ImageType));
        assertEquals(2, f.dataset().getFragments(Tags.PixelData).size());
    }

    @Test
    void filesWithoutMetaAreReadWithTheirEncodingGuessed() throws IOException {
        DicomFile be = Part10.read(Corpus.TEST_FILES.resolve("ExplVR_BigEndNoMeta.dcm"));
        assertEquals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, be.transferSyntax());
        DicomFile le = Part10.read(Corpus.TEST_FILES.resolve("ExplVR_LitEndNoMeta.dcm"));
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, le.transferSyntax());
        assertEquals(le.dataset(), be.dataset());
        assertTrue(be.meta() == null && be.tolerations().get(0).problem().contains("no File Meta Information"));
    }

    @Test
    void undefinedLengthUnIsReadAsAnImplicitSequence() throws IOException {
        DicomFile f = Part10.read(Corpus.TEST_FILES.resolve("UN_sequence.dcm"));
        assertEquals(1, f.dataset().getSequence(0x4453100C).size());
        assertTrue(f.tolerations().stream().anyMatch(t -> t.problem().contains("UN of undefined length")));
    }
}
