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
        new DicomWriter(out).definedLengths(true).writeDataset(original, ts);
        Dataset back = DicomReader.readDataset(new ByteArrayInputStream(out.toByteArray()), ts);
        DatasetAssert.assertSameContent(original, back, !ts.isExplicitVr());
    }
}
