package org.strata.dicom.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.pixel.PixelDataException;
import org.strata.dicom.testsupport.ExternalTools;

class FrameRendererTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "JPEG-lossy.dcm;cannot decode JPEG frame 1",
        "JPEG2000.dcm;cannot decode JPEG 2000",
        "MR_small_jpeg_ls_lossless.dcm;cannot decode JPEG-LS",
    })
    void refusesWhatItCannotDecodeWithAReason(String name, String reason) throws IOException {
        DicomFile file = Part10.read(ExternalTools.testFile(name));
        UnsupportedImageException refused = assertThrows(UnsupportedImageException.class,
                () -> FrameRenderer.render(file.dataset(), file.transferSyntax().uid(), 0, null, null));
        assertTrue(refused.getMessage().startsWith(reason), refused.getMessage());
    }

    @Test
    void refusesFramesOutOfRangeUnknownColourModelsAndInconsistentBits() throws IOException {
        DicomFile file = Part10.read(ExternalTools.testFile("rtdose.dcm"));
        String syntax = file.transferSyntax().uid();
        assertEquals("frame 16 out of range 1..15", assertThrows(PixelDataException.class,
                () -> FrameRenderer.render(file.dataset(), syntax, 15, null, null)).getMessage());
        file.dataset().setString(Tags.PhotometricInterpretation, VR.CS, "HSV");
        assertEquals("unsupported Photometric Interpretation 'HSV'", assertThrows(
                UnsupportedImageException.class, () -> FrameRenderer.render(file.dataset(), syntax, 0, null, null))
                .getMessage());
        file.dataset().setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        file.dataset().setInt(Tags.BitsStored, VR.US, 33);
        assertThrows(PixelDataException.class, () -> FrameRenderer.render(file.dataset(), syntax, 0, null, null));
    }

    @Test
    void masksBitsOutsideBitsStoredAndSignExtends() throws IOException {
        // 12 bits stored at bits 2..13 of 16 (High Bit 13), signed: bits 0-1 and 14-15 hold noise.
        Dataset image = grey(2, 16, 12, 13, 1);
        short[] values = {(short) (0b11 << 14 | 0x800 << 2 | 0b11), (short) (0x7FF << 2 | 0b10)}; // -2048, 2047
        image.put(Tags.PixelData, VR.OW, new byte[] {(byte) values[0], (byte) (values[0] >> 8), (byte) values[1],
            (byte) (values[1] >> 8)});
        BufferedImage out = FrameRenderer.render(image, UIDs.ExplicitVRLittleEndian, 0,
                new Window(0, 4096, VoiFunction.LINEAR_EXACT), null);
        assertArrayEquals(new int[] {0, 255}, out.getRaster().getPixels(0, 0, 2, 1, (int[]) null));
        image.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME1");
        out = FrameRenderer.render(image, UIDs.ExplicitVRLittleEndian, 0, new Window(0, 4096, VoiFunction.LINEAR_EXACT),
                null);
        assertArrayEquals(new int[] {255, 0}, out.getRaster().getPixels(0, 0, 2, 1, (int[]) null));
    }

    @Test
    void viewportCropsFlipsAndKeepsTheAspect() throws IOException {
        Dataset image = grey(4, 8, 8, 7, 0);
        image.setInt(Tags.Rows, VR.US, 2);
        image.setInt(Tags.Columns, VR.US, 2);
        image.put(Tags.PixelData, VR.OB, new byte[] {0, 10, 20, 30}); // 2x2: rows (0 10) (20 30)
        Window identity = new Window(127.5, 256, VoiFunction.LINEAR_EXACT);
        BufferedImage flipped = FrameRenderer.render(image, UIDs.ExplicitVRLittleEndian, 0, identity,
                new Viewport(2, 2, new Viewport.Region(2, 0, -2, 2)));
        assertArrayEquals(new int[] {10, 0, 30, 20}, flipped.getRaster().getPixels(0, 0, 2, 2, (int[]) null));
        BufferedImage column = FrameRenderer.render(image, UIDs.ExplicitVRLittleEndian, 0, identity,
                new Viewport(100, 4, new Viewport.Region(1, 0, 1, 2)));
        assertEquals(2, column.getWidth(), "a 1x2 region fits a 100x4 viewport as 2x4");
        assertEquals(4, column.getHeight());
        BufferedImage shrunk = FrameRenderer.render(image, UIDs.ExplicitVRLittleEndian, 0, identity, new Viewport(1, 1));
        assertEquals(15, shrunk.getRaster().getSample(0, 0, 0), "the mean of the four pixels");
        assertThrows(IllegalArgumentException.class, () -> FrameRenderer.render(image, UIDs.ExplicitVRLittleEndian, 0,
                identity, new Viewport(2, 2, new Viewport.Region(1, 1, 2, 2))));
    }

    @Test
    void windowFunctionsFollowPs33() {
        Window linear = new Window(100, 11, VoiFunction.LINEAR); // 94.5 < x <= 104.5 is the ramp
        assertEquals(0, linear.apply(94.5));
        assertEquals(0.55, linear.apply(100), 1e-9);
        assertEquals(1, linear.apply(104.6));
        Window exact = new Window(100, 10, VoiFunction.LINEAR_EXACT);
        assertEquals(0, exact.apply(95));
        assertEquals(0.5, exact.apply(100), 1e-9);
        assertEquals(1, exact.apply(105.1));
        Window sigmoid = new Window(100, 10, VoiFunction.SIGMOID);
        assertEquals(0.5, sigmoid.apply(100), 1e-9);
        assertEquals(1 / (1 + Math.exp(-2)), sigmoid.apply(105), 1e-9);
        Window span = Window.spanning(-10, 30);
        assertEquals(0, span.apply(-10));
        assertEquals(1, span.apply(30), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new Window(0, 0.5, VoiFunction.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new Window(0, 0, VoiFunction.SIGMOID));
        assertThrows(IllegalArgumentException.class, () -> VoiFunction.parse("cubic"));
        assertEquals(VoiFunction.LINEAR_EXACT, VoiFunction.parse("linear-exact"));
    }

    @Test
    void usesTheDataSetsWindowOnlyWhenUsable() {
        Dataset dataset = new Dataset();
        dataset.setString(Tags.WindowCenter, VR.DS, "40", "400");
        dataset.setString(Tags.WindowWidth, VR.DS, "400", "2000");
        dataset.setString(Tags.VOILUTFunction, VR.CS, "SIGMOID");
        assertEquals(new Window(40, 400, VoiFunction.SIGMOID), Window.of(dataset));
        dataset.setString(Tags.WindowWidth, VR.DS, "0");
        dataset.setString(Tags.VOILUTFunction, VR.CS, "LINEAR");
        assertEquals(null, Window.of(dataset), "width 0 is unusable for LINEAR");
    }

    private static Dataset grey(int columns, int bitsAllocated, int bitsStored, int highBit, int pixelRepresentation) {
        Dataset dataset = new Dataset();
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        dataset.setInt(Tags.SamplesPerPixel, VR.US, 1);
        dataset.setInt(Tags.Rows, VR.US, 1);
        dataset.setInt(Tags.Columns, VR.US, columns);
        dataset.setInt(Tags.BitsAllocated, VR.US, bitsAllocated);
        dataset.setInt(Tags.BitsStored, VR.US, bitsStored);
        dataset.setInt(Tags.HighBit, VR.US, highBit);
        dataset.setInt(Tags.PixelRepresentation, VR.US, pixelRepresentation);
        return dataset;
    }
}
