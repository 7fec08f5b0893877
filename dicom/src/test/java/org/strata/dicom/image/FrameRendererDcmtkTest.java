package org.strata.dicom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.testsupport.ExternalTools;

/**
 * Our rendering of pydicom's test files against DCMTK's {@code dcmj2pnm} of the same frame with the same VOI
 * choice: every pixel within a small tolerance (1 grey level for uncompressed data, where only rounding may
 * differ; more for JPEG, whose decoders may differ in the IDCT).
 */
class FrameRendererDcmtkTest {

    @TempDir
    Path dir;

    /**
     * file (under pydicom's test_files), 1-based frame, our window ("-" = the data set's own or min/max),
     * dcmj2pnm's VOI options ("-" = none, for colour), tolerance in grey levels.
     */
    @ParameterizedTest(name = "{0} frame {1} window {2}")
    @CsvSource(delimiter = ';', value = {
        "CT_small.dcm;1;-;+Wm;1",
        "CT_small.dcm;1;40,400,LINEAR;+Ww 40 400;1",
        "CT_small.dcm;1;40,400,SIGMOID;+Ww 40 400 +Wfs;1",
        "MR_small.dcm;1;-;+Wi 1;1",
        "MR_small_RLE.dcm;1;-;+Wi 1;1",
        "MR_small_bigendian.dcm;1;-;+Wi 1;1",
        "MR_small.dcm;1;600,1600,SIGMOID;+Ww 600 1600 +Wfs;1",
        "dicomdirtests/77654033/CR1/6154;1;-;+Wi 1;1",
        "dicomdirtests/77654033/CR1/6154;1;1000,1000,LINEAR;+Ww 1000 1000;1",
        "liver_1frame.dcm;1;-;+Wm;1",
        "rtdose.dcm;3;-;+Wm;1",
        "rtdose_rle.dcm;15;-;+Wm;1",
        "image_dfl.dcm;1;-;+Wm;1",
        "SC_rgb_small_odd.dcm;1;-;-;1",
        "ExplVR_BigEnd.dcm;1;-;-;1",
        "SC_rgb_rle.dcm;1;-;-;1",
        "SC_rgb_rle_2frame.dcm;2;-;-;1",
        "SC_rgb_rle_16bit_2frame.dcm;2;-;-;1",
        "SC_rgb_rle_32bit.dcm;1;-;-;1",
        "SC_rgb_dcmtk_+eb+cy+n1.dcm;1;-;-;3",
        "SC_rgb_jpeg_dcmtk.dcm;1;-;-;3",
        "SC_rgb_jpeg_lossy_gdcm.dcm;1;-;-;3",
        "SC_jpeg_no_color_transform.dcm;1;-;-;3",
        "SC_ybr_full_422_uncompressed.dcm;1;-;-;1",
        "SC_rgb_dcmtk_+eb+cy+s2.dcm;1;-;-;3",
    })
    void matchesDcmj2pnm(String name, int frame, String window, String voiOptions, int tolerance) throws IOException {
        Path file = ExternalTools.testFile(name);
        DicomFile dicom = Part10.read(file);
        BufferedImage ours = FrameRenderer.render(dicom.dataset(), dicom.transferSyntax().uid(), frame - 1,
                window.equals("-") ? null : parseWindow(window), null);

        Pnm theirs = dcmj2pnm(file, frame, voiOptions);
        assertEquals(theirs.width, ours.getWidth(), "width");
        assertEquals(theirs.height, ours.getHeight(), "height");
        int[] our = ours.getRaster().getPixels(0, 0, ours.getWidth(), ours.getHeight(), (int[]) null);
        assertEquals(theirs.samples.length, our.length, "samples (grey vs colour)");
        int worst = 0;
        int at = -1;
        for (int i = 0; i < our.length; i++) {
            int difference = Math.abs(our[i] - theirs.samples[i]);
            if (difference > worst) {
                worst = difference;
                at = i;
            }
        }
        assertTrue(worst <= tolerance, "sample " + at + " differs by " + worst + ": ours "
                + (at < 0 ? "" : our[at] + ", dcmj2pnm " + theirs.samples[at]));
    }

    /**
     * Scaled to a viewport: the same size as dcmj2pnm's scaling to that width, and close on average. The resamplers
     * differ (we average when shrinking, interpolate between pixel centres when enlarging), most on enlarged edges.
     */
    @ParameterizedTest(name = "{0} to {1} pixels wide")
    @CsvSource({"CT_small.dcm,32,+Wm,1", "CT_small.dcm,100,+Wm,1", "MR_small.dcm,128,+Wi 1,5", "SC_rgb_rle.dcm,40,,1"})
    void scalesLikeDcmj2pnm(String name, int width, String voiOptions, double meanTolerance) throws IOException {
        Path file = ExternalTools.testFile(name);
        DicomFile dicom = Part10.read(file);
        BufferedImage ours = FrameRenderer.render(dicom.dataset(), dicom.transferSyntax().uid(), 0, null,
                new Viewport(width, 1000));
        Pnm theirs = dcmj2pnm(file, 1, (voiOptions == null ? "" : voiOptions + " ") + "+Sxv " + width);
        assertEquals(theirs.width, ours.getWidth(), "width");
        assertEquals(theirs.height, ours.getHeight(), "height");
        int[] our = ours.getRaster().getPixels(0, 0, ours.getWidth(), ours.getHeight(), (int[]) null);
        double sum = 0;
        for (int i = 0; i < our.length; i++) {
            sum += Math.abs(our[i] - theirs.samples[i]);
        }
        double mean = sum / our.length;
        assertTrue(mean < meanTolerance, "mean difference " + mean + " grey levels");
    }

    private static Window parseWindow(String text) {
        String[] parts = text.split(",");
        return new Window(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), VoiFunction.parse(parts[2]));
    }

    /** An 8-bit binary PGM (P5) or PPM (P6): width, height and its samples, interleaved. */
    record Pnm(int width, int height, int[] samples) {
    }

    Pnm dcmj2pnm(Path file, int frame, String voiOptions) throws IOException {
        Path out = dir.resolve("dcmtk.pnm");
        List<String> command = new ArrayList<>(List.of("dcmj2pnm", "+F", Integer.toString(frame), "+op"));
        if (!voiOptions.equals("-")) {
            command.addAll(Arrays.asList(voiOptions.split(" ")));
        }
        command.add(file.toString());
        command.add(out.toString());
        ExternalTools.run(dir, command.toArray(String[]::new));
        return readPnm(Files.readAllBytes(out));
    }

    static Pnm readPnm(byte[] bytes) {
        int[] header = new int[3];
        int at = 2;
        for (int field = 0; field < 3; field++) {
            while (Character.isWhitespace(bytes[at]) || bytes[at] == '#') {
                if (bytes[at] == '#') {
                    while (bytes[at] != '\n') {
                        at++;
                    }
                }
                at++;
            }
            int start = at;
            while (Character.isDigit(bytes[at])) {
                at++;
            }
            header[field] = Integer.parseInt(new String(bytes, start, at - start, StandardCharsets.US_ASCII));
        }
        at++; // the single whitespace before the samples
        if (header[2] != 255) {
            fail("expected an 8-bit PNM, got maximum value " + header[2]);
        }
        int channels = bytes[1] == '6' ? 3 : 1;
        int[] samples = new int[header[0] * header[1] * channels];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = bytes[at + i] & 0xFF;
        }
        return new Pnm(header[0], header[1], samples);
    }
}
