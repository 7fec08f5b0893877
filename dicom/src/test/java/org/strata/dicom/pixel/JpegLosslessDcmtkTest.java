package org.strata.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.testsupport.ExternalTools;

/**
 * Our lossless JPEG decoder against DCMTK's: DCMTK encodes pydicom's uncompressed files ({@code dcmcjpeg +el}, every
 * predictor, with and without point transform), and our decoding of each frame must equal {@code dcmdjpeg}'s byte
 * for byte; so must a file GDCM encoded, and the whole data set after {@link Transcoder} made it uncompressed.
 */
class JpegLosslessDcmtkTest {

    @TempDir
    Path dir;

    /** file under pydicom's test_files (RLE ones are decoded by DCMTK first), predictor, point transform. */
    @ParameterizedTest(name = "{0} predictor {1} point transform {2}")
    @CsvSource(delimiter = ';', value = {
        "CT_small.dcm;1;0", "CT_small.dcm;2;0", "CT_small.dcm;3;0", "CT_small.dcm;4;0", "CT_small.dcm;5;0",
        "CT_small.dcm;6;0", "CT_small.dcm;7;0", "CT_small.dcm;1;3",
        "MR_small.dcm;1;0", "MR_small.dcm;6;0", "MR_small.dcm;7;2",
        "SC_rgb_small_odd.dcm;1;0", "SC_rgb_small_odd.dcm;4;0", "SC_rgb_small_odd.dcm;7;1",
        "../charset_files/chrArab.dcm;5;0",
        "SC_rgb_rle_2frame.dcm;6;0", "SC_rgb_rle_16bit_2frame.dcm;1;0", "SC_rgb_rle_16bit_2frame.dcm;5;0",
    })
    void ourDecodingEqualsDcmtksOfWhatDcmtkEncoded(String name, int predictor, int pointTransform) throws IOException {
        Path source = ExternalTools.testFile(name);
        if (name.contains("_rle")) {
            Path nativeFile = dir.resolve("native.dcm");
            ExternalTools.run(dir, "dcmdrle", source.toString(), nativeFile.toString());
            source = nativeFile;
        }
        Path encoded = dir.resolve("lossless.dcm");
        List<String> command = new ArrayList<>(List.of("dcmcjpeg", predictor == 1 ? "+e1" : "+el"));
        if (predictor != 1) {
            command.addAll(List.of("+sv", String.valueOf(predictor)));
        }
        command.addAll(List.of("+pt", String.valueOf(pointTransform), source.toString(), encoded.toString()));
        ExternalTools.run(dir, command.toArray(String[]::new));

        assertDecodesLikeDcmdjpeg(encoded);
    }

    @Test
    void aFileGdcmEncodedDecodesLikeDcmdjpeg() throws IOException {
        assertDecodesLikeDcmdjpeg(ExternalTools.testFile("SC_rgb_jpeg_gdcm.dcm"));
    }

    @Test
    void aTruncatedFrameIsRefusedWithItsReason() throws IOException {
        Path encoded = dir.resolve("lossless.dcm");
        ExternalTools.run(dir, "dcmcjpeg", "+e1", ExternalTools.testFile("CT_small.dcm").toString(), encoded.toString());
        DicomFile file = Part10.read(encoded);
        PixelFormat format = PixelFormat.of(file.dataset()).validate();
        byte[] frame = DatasetFrames.storedFrame(file.dataset(), 0);

        PixelDataException cut = assertThrows(PixelDataException.class,
                () -> JpegLosslessCodec.decodeFrame(Arrays.copyOf(frame, frame.length / 2), format));
        assertTrue(cut.getMessage().contains("ends before sample"), cut.getMessage());
        PixelDataException notJpeg = assertThrows(PixelDataException.class,
                () -> JpegLosslessCodec.decodeFrame(new byte[] {1, 2, 3, 4}, format));
        assertTrue(notJpeg.getMessage().contains("no SOI"), notJpeg.getMessage());
        PixelDataException lossy = assertThrows(PixelDataException.class, () -> JpegLosslessCodec.decodeFrame(
                DatasetFrames.storedFrame(Part10.read(ExternalTools.testFile("JPGExtended.dcm")).dataset(), 0),
                PixelFormat.of(Part10.read(ExternalTools.testFile("JPGExtended.dcm")).dataset())));
        assertTrue(lossy.getMessage().contains("SOF1 is not lossless"), lossy.getMessage());
    }

    private void assertDecodesLikeDcmdjpeg(Path encoded) throws IOException {
        Path reference = dir.resolve("dcmdjpeg.dcm");
        ExternalTools.run(dir, "dcmdjpeg", encoded.toString(), reference.toString());
        DicomFile ours = Part10.read(encoded);
        DicomFile theirs = Part10.read(reference);
        String syntax = ours.transferSyntax().uid();
        assertTrue(syntax.equals(UIDs.JPEGLossless) || syntax.equals(UIDs.JPEGLosslessSV1), syntax);
        int frames = DatasetFrames.numberOfFrames(ours.dataset());
        for (int f = 0; f < frames; f++) {
            assertArrayEquals(DatasetFrames.nativeFrame(theirs.dataset(), theirs.transferSyntax().uid(), f),
                    DatasetFrames.nativeFrame(ours.dataset(), syntax, f), "frame " + f);
        }

        Dataset transcoded = ours.dataset();
        Transcoder.transcode(transcoded, ours.transferSyntax(), TransferSyntax.forUid(UIDs.ExplicitVRLittleEndian));
        assertEquals(null, transcoded.getFragments(Tags.PixelData));
        byte[] expected = theirs.dataset().readBytes(Tags.PixelData);
        byte[] actual = transcoded.readBytes(Tags.PixelData);
        assertArrayEquals(expected, Arrays.copyOf(actual, expected.length), "whole Pixel Data after transcoding");
    }
}
