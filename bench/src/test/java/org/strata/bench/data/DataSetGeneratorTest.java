package org.strata.bench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;

class DataSetGeneratorTest {
    private static final DataSetShape SHAPE = new DataSetShape(2, 2, 3);
    private static DicomFile template;

    @TempDir
    static Path cache;

    @BeforeAll
    static void decompressTemplate() throws IOException {
        template = CtTemplate.load(cache);
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        GeneratedDataSet first = new DataSetGenerator(template, SHAPE, "seed", "BENCH").generate(a);
        GeneratedDataSet second = new DataSetGenerator(template, SHAPE, "seed", "BENCH").generate(b);
        assertEquals(12, first.files().size());
        for (int i = 0; i < first.files().size(); i++) {
            assertEquals(a.relativize(first.files().get(i)), b.relativize(second.files().get(i)));
            assertArrayEquals(Files.readAllBytes(first.files().get(i)), Files.readAllBytes(second.files().get(i)),
                    "file " + first.files().get(i));
        }
        assertEquals(first.bytes(), second.bytes());
    }

    @Test
    void describeMatchesWhatGenerateWrote(@TempDir Path folder) throws IOException {
        DataSetGenerator generator = new DataSetGenerator(template, SHAPE, "seed", "BENCH");
        assertEquals(generator.generate(folder), generator.describe(folder));
    }

    @Test
    void everyCloneHasItsOwnUidsAndTheTemplatesPixels(@TempDir Path folder) throws IOException {
        GeneratedDataSet data = new DataSetGenerator(template, SHAPE, "seed", "BENCH").generate(folder);
        Set<String> instances = new HashSet<>();
        Set<String> series = new HashSet<>();
        for (GeneratedStudy study : data.studies()) {
            for (Path file : study.files()) {
                DicomFile f = Part10.read(file);
                Dataset ds = f.dataset();
                assertEquals(study.studyUid(), ds.getString(Tags.StudyInstanceUID));
                assertEquals(study.patientId(), ds.getString(Tags.PatientID));
                assertEquals(study.studyDate(), ds.getDate(Tags.StudyDate));
                assertEquals(ds.getString(Tags.SOPInstanceUID), f.meta().mediaStorageSopInstanceUid());
                assertTrue(instances.add(ds.getString(Tags.SOPInstanceUID)), "duplicate SOP Instance UID in " + file);
                series.add(ds.getString(Tags.SeriesInstanceUID));
                for (String uid : List.of(ds.getString(Tags.SOPInstanceUID), ds.getString(Tags.SeriesInstanceUID), study.studyUid())) {
                    assertTrue(uid.length() <= 64 && uid.matches("2\\.25\\.(0|[1-9][0-9]*)"), "not a valid 2.25 UID: " + uid);
                }
                assertArrayEquals(template.dataset().getBytes(Tags.PixelData), ds.getBytes(Tags.PixelData));
                for (int i = 0; i < ds.size(); i++) {
                    assertNotEquals(0, ds.tagAt(i) & 0xFFFF, "stale group length kept in " + file);
                }
            }
        }
        assertEquals(12, instances.size());
        assertEquals(4, series.size());
        assertNotEquals(data.studies().get(0).studyUid(), data.studies().get(1).studyUid());
        assertEquals(data.studies().get(0).studyDate().plusDays(1), data.studies().get(1).studyDate());
    }

    @Test
    void anotherSeedGivesOtherUids(@TempDir Path a, @TempDir Path b) throws IOException {
        GeneratedDataSet first = new DataSetGenerator(template, SHAPE, "seed", "BENCH").generate(a);
        GeneratedDataSet other = new DataSetGenerator(template, SHAPE, "other", "BENCH").generate(b);
        assertFalse(first.studies().get(0).studyUid().equals(other.studies().get(0).studyUid()));
    }

    @Test
    void anotherLabelGivesOtherPatientsAndUids(@TempDir Path a, @TempDir Path b) throws IOException {
        GeneratedStudy bench = new DataSetGenerator(template, SHAPE, "seed", "BENCH").generate(a).studies().get(0);
        GeneratedStudy warmup = new DataSetGenerator(template, SHAPE, "seed", "WARMUP").generate(b).studies().get(0);
        assertEquals("BENCH-P0000", bench.patientId());
        assertEquals("WARMUP^P0000", warmup.patientName());
        assertNotEquals(bench.studyUid(), warmup.studyUid());
    }

    @Test
    void templateIsTheDecompressedRealCt() {
        assertEquals(512, template.dataset().getInt(Tags.Rows, 0));
        assertEquals(16, template.dataset().getInt(Tags.BitsAllocated, 0));
        assertEquals("CT", template.dataset().getString(Tags.Modality));
        assertEquals(512 * 512 * 2, template.dataset().getBytes(Tags.PixelData).length);
    }

    @Test
    void shapeParsesAndRefusesNonsense() {
        assertEquals(new DataSetShape(10, 2, 100), DataSetShape.parse("10x2x100"));
        assertEquals(2000, DataSetShape.parse("10x2x100").instances());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DataSetShape.parse("10x2"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DataSetShape.parse("0x2x5"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DataSetShape.parse("ax2x5"));
    }
}
