package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.dicom.data.Dataset;

/**
 * DCMTK's dcmdump reads the files we write, in every uncompressed syntax, without error, and sees the
 * same data set elements as in the original file (group 0002 excluded: it names us as the implementation).
 * In implicit VR the VRs are not compared (they are not in the encoding; dcmdump takes its dictionary's),
 * nor the values of private elements (dcmdump formats them by the VR it guesses); their lengths are.
 */
class DcmtkReadsOurOutputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        TransferSyntax[] syntaxes = {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};
        String[] files = {"CT_small.dcm", "MR_small_bigendian.dcm", "rtplan.dcm", "image_dfl.dcm", "nested_priv_SQ.dcm",
            "dicomdirtests/DICOMDIR", "waveform_ecg.dcm"};
        return Stream.of(files).flatMap(f -> Stream.of(syntaxes).map(ts -> Arguments.of(f, ts)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dcmdumpSeesTheOriginalElements(String name, TransferSyntax ts) throws IOException {
        Path original = Corpus.TEST_FILES.resolve(name);
        Dataset ds = Part10.read(original).dataset();
        Path written = dir.resolve("out.dcm");
        Part10.write(written, FileMetaInformation.create("1.2.3", "4.5.6", ts.uid()), ds);
        Corpus.Run ours = Corpus.run(List.of("dcmdump", "-q", "-M", "+L", "-Un", "+Qn", written.toString()), null);
        assertEquals(0, ours.exitCode(), () -> "dcmdump refused our " + ts + " file: " + ours.stderr());
        Corpus.Run theirs = Corpus.run(List.of("dcmdump", "-q", "-M", "+L", "-Un", "+Qn", original.toString()), null);
        List<DcmdumpComparisonTest.Line> expected = withoutMeta(DcmdumpComparisonTest.parseDcmdump(theirs.stdout()), false);
        List<DcmdumpComparisonTest.Line> actual = withoutMeta(DcmdumpComparisonTest.parseDcmdump(ours.stdout()), false);
        if (!ts.isExplicitVr()) {
            expected = withoutMeta(expected, true);
            actual = withoutMeta(actual, true);
        }
        assertNull(DcmdumpComparisonTest.firstDifference(expected, actual));
        Files.delete(written);
    }

    private static List<DcmdumpComparisonTest.Line> withoutMeta(List<DcmdumpComparisonTest.Line> lines, boolean dropVr) {
        return lines.stream().filter(l -> l.depth() > 0 || l.tag() >>> 16 != 0x0002)
                .map(l -> dropVr ? new DcmdumpComparisonTest.Line(l.depth(), l.tag(), "--", privateValue(l), l.length()) : l)
                .toList();
    }

    /** Private values of an unknown creator lose their VR in implicit VR, so dcmdump formats them differently. */
    private static String privateValue(DcmdumpComparisonTest.Line l) {
        return (l.tag() >>> 16 & 1) == 1 ? null : l.value();
    }
}
