package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.dict.Tags;

/**
 * Pixel data, which the dcmdump comparison only compares by length, byte for byte against what
 * {@code dcmdump +W} extracts: the native value (little endian, as DCMTK holds it in memory) or each item
 * of encapsulated pixel data (offset table first).
 */
class DcmdumpPixelDataTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"CT_small.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm", "image_dfl.dcm",
        "JPEG2000.dcm", "SC_rgb_rle.dcm", "MR_small_jpeg_ls_lossless.dcm", "SC_rgb_jpeg_dcmd.dcm"})
    void pixelDataEqualsDcmtksExtraction(String name) throws IOException {
        Path file = Corpus.TEST_FILES.resolve(name);
        Corpus.Run run = Corpus.run(List.of("dcmdump", "-q", "+W", dir.toString(), file.toString()), null);
        assertEquals(0, run.exitCode(), run.stderr());
        Dataset ds = Part10.read(file).dataset();
        Fragments fragments = ds.getFragments(Tags.PixelData);
        if (fragments == null) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(name + ".0.raw")), ds.getBytes(Tags.PixelData));
            return;
        }
        for (int k = 0; k < fragments.size(); k++) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(name + "." + k + ".raw")), fragments.bytes(k), "item " + k);
        }
        assertEquals(false, Files.exists(dir.resolve(name + "." + fragments.size() + ".raw")), "dcmdump saw more items");
    }
}
