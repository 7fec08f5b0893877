package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;

class RoundTripTest {
    static Stream<Arguments> cases() {
        TransferSyntax[] syntaxes = {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};
        String[] files = {"CT_small.dcm", "MR_small_bigendian.dcm", "rtplan.dcm", "image_dfl.dcm", "nested_priv_SQ.dcm"};
        return Stream.of(files).flatMap(f -> Stream.of(syntaxes).map(ts -> Arguments.of(f, ts)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void writeThenReadGivesAnEqualDataset(String file, TransferSyntax ts) throws IOException {
        Dataset original = Part10.read(Corpus.TEST_FILES.resolve(file)).dataset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).writeFile(FileMetaInformation.forDataset(original, ts.uid()), original);
        DicomFile back = new DicomReader(new ByteArrayInputStream(out.toByteArray())).readFile();
        assertEquals(ts, back.transferSyntax());
        DatasetAssert.assertSameContent(original, back.dataset(), !ts.isExplicitVr());
        if (ts.isExplicitVr()) {
            assertEquals(original, back.dataset());
        }
        assertTrue(back.tolerations().isEmpty(), () -> "our own output needed tolerations: " + back.tolerations());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void definedLengthsAndGroupLengthsRoundTripToo(String file, TransferSyntax ts) throws IOException {
        Dataset original = Part10.read(Corpus.TEST_FILES.resolve(file)).dataset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out).definedLengths(true).groupLengths(true).writeDataset(original, ts);
        Dataset back = DicomReader.readDataset(new ByteArrayInputStream(out.toByteArray()), ts);
        for (int group : groups(back)) {
            // Each group length equals the bytes of that group's other elements, written on their own.
            Dataset alone = new Dataset();
            for (int i = 0; i < back.size(); i++) {
                int tag = back.tagAt(i);
                if (tag >>> 16 != group || (tag & 0xFFFF) == 0) {
                    continue;
                }
                if (back.valueAt(i) instanceof Sequence seq) {
                    Sequence copy = alone.newSequence(tag);
                    seq.forEach(item -> copy.add(item.deepCopy()));
                } else {
                    alone.put(tag, back.vrAt(i), back.valueAt(i));
                }
            }
            ByteArrayOutputStream groupBytes = new ByteArrayOutputStream();
            new DicomWriter(groupBytes).definedLengths(true)
                    .writeDataset(alone, ts.isDeflated() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : ts);
            assertEquals(groupBytes.size(), back.getLong(group << 16, -1), String.format("group %04X", group));
        }
        for (int group : groups(original)) {
            back.remove(group << 16); // the original had no group lengths here or they were already checked
        }
        DatasetAssert.assertSameContent(withoutGroupLengths(original), withoutGroupLengths(back), !ts.isExplicitVr());
    }

    private static java.util.SortedSet<Integer> groups(Dataset ds) {
        java.util.SortedSet<Integer> groups = new java.util.TreeSet<>();
        for (int tag : ds.tags()) {
            if ((tag & 0xFFFF) == 0) {
                groups.add(tag >>> 16);
            }
        }
        return groups;
    }

    private static Dataset withoutGroupLengths(Dataset ds) {
        Dataset copy = ds.deepCopy();
        for (int tag : ds.tags()) {
            if ((tag & 0xFFFF) == 0) {
                copy.remove(tag);
            }
        }
        return copy;
    }
}
