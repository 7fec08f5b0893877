package org.strata.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;

class TranscoderTest {
    private static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Test
    void reachesUncompressedAndRleButNoOtherCodec() {
        assertTrue(Transcoder.canTranscode(UIDs.ImplicitVRLittleEndian, UIDs.ExplicitVRBigEndian));
        assertTrue(Transcoder.canTranscode(UIDs.RLELossless, UIDs.ExplicitVRLittleEndian));
        assertTrue(Transcoder.canTranscode(UIDs.ExplicitVRLittleEndian, UIDs.RLELossless));
        assertTrue(Transcoder.canTranscode(UIDs.JPEGBaseline8Bit, UIDs.JPEGBaseline8Bit));
        assertFalse(Transcoder.canTranscode(UIDs.JPEGBaseline8Bit, UIDs.ExplicitVRLittleEndian));
        assertFalse(Transcoder.canTranscode(UIDs.ExplicitVRLittleEndian, UIDs.JPEGBaseline8Bit));
    }

    @Test
    void rleDecodesToTheSamePixelsAsTheUncompressedOriginal() throws IOException {
        DicomFile rle = Part10.read(DATA.resolve("MR_small_RLE.dcm"));
        DicomFile plain = Part10.read(DATA.resolve("MR_small.dcm"));
        Dataset dataset = rle.dataset();
        Transcoder.transcode(dataset, rle.transferSyntax(), TransferSyntax.forUid(UIDs.ExplicitVRLittleEndian));
        assertNull(dataset.getFragments(Tags.PixelData));
        assertArrayEquals(plain.dataset().getBytes(Tags.PixelData), dataset.getBytes(Tags.PixelData));

        Transcoder.transcode(dataset, TransferSyntax.forUid(UIDs.ExplicitVRLittleEndian),
                TransferSyntax.forUid(UIDs.RLELossless));
        assertNotNull(dataset.getFragments(Tags.PixelData));
    }

    @Test
    void refusesACodecItLacks() throws IOException {
        DicomFile jpeg = Part10.read(DATA.resolve("SC_rgb_jpeg_dcmtk.dcm"));
        IOException e = assertThrows(IOException.class, () -> Transcoder.transcode(jpeg.dataset(),
                jpeg.transferSyntax(), TransferSyntax.forUid(UIDs.ExplicitVRLittleEndian)));
        assertTrue(e.getMessage().contains("cannot convert"), e.getMessage());
    }
}
