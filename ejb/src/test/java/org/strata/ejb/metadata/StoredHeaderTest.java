package org.strata.ejb.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.DicomReader;
import org.strata.dicom.json.ModelValues;

class StoredHeaderTest {
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private static Dataset read(String name) throws IOException {
        Path file = CORPUS.resolve(name);
        assertTrue(Files.isRegularFile(file), "pydicom's test files are missing: apt-get install python3-pydicom");
        try (DicomReader reader = new DicomReader(file)) {
            return reader.bulkDataReferences(true).bulkDataThreshold(StoredHeader.LARGEST_KEPT_VALUE).readFile()
                    .dataset();
        }
    }

    /** Native and encapsulated pixel data, big endian, a large value nested in a sequence item, private sequences. */
    @ParameterizedTest
    @ValueSource(strings = {"CT_small.dcm", "MR_small_RLE.dcm", "MR_small_bigendian.dcm", "waveform_ecg.dcm",
        "nested_priv_SQ.dcm", "rtplan.dcm"})
    void keepsEveryElementAndSmallValueAndTheLengthOfLargeOnes(String name) throws IOException {
        Dataset original = read(name);
        Dataset decoded = StoredHeader.decode(StoredHeader.encode(original));
        assertSame(original, decoded, name);
    }

    @Test
    void theNestedWaveformDataIsLeftOutWithItsLength() throws IOException {
        Dataset original = read("waveform_ecg.dcm");
        Dataset decoded = StoredHeader.decode(StoredHeader.encode(original));
        Dataset item = decoded.getSequence(Tags.WaveformSequence).get(0);
        BulkData left = assertInstanceOf(BulkData.class, item.get(Tags.WaveformData));
        assertEquals(ModelValues.binaryLength(original.getSequence(Tags.WaveformSequence).get(0)
                .get(Tags.WaveformData)), left.length());
        assertThrows(IOException.class, left::readBytes);
    }

    /** Same elements in the same order; values equal, or (left out) a bulk data of the original's length. */
    private static void assertSame(Dataset original, Dataset decoded, String where) {
        assertEquals(original.size(), decoded.size(), where + ": element count");
        for (int i = 0; i < original.size(); i++) {
            int tag = original.tagAt(i);
            String at = where + String.format(" %08X", tag);
            assertEquals(tag, decoded.tagAt(i), at);
            assertEquals(original.vrAt(i), decoded.vrAt(i), at);
            Object value = original.valueAt(i);
            Object copy = decoded.valueAt(i);
            if (value instanceof Sequence items) {
                Sequence copies = assertInstanceOf(Sequence.class, copy, at);
                assertEquals(items.size(), copies.size(), at);
                for (int k = 0; k < items.size(); k++) {
                    assertSame(items.get(k), copies.get(k), at + "/" + k);
                }
            } else if (copy instanceof BulkData left) {
                assertEquals(ModelValues.binaryLength(value), left.length(), at);
                assertTrue(left.length() > StoredHeader.LARGEST_KEPT_VALUE, at);
            } else {
                assertEquals(List.of(original.getStrings(tag)), List.of(decoded.getStrings(tag)), at);
                if (value instanceof byte[] bytes) {
                    // odd lengths (not allowed) are written padded to even
                    assertTrue(Arrays.equals(Arrays.copyOf(bytes, bytes.length + (bytes.length & 1)), (byte[]) copy),
                            at);
                }
            }
        }
    }
}
