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
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
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
        "SC_rgb_jpeg_gdcm.dcm;1;-;-;1",
        "SC_jpeg_no_color_transform.dcm;1;-;-;3",
        "SC_ybr_full_422_uncompressed.dcm;1;-;-;1",
        "SC_rgb_dcmtk_+eb+cy+s2.dcm;1;-;-;3",
    })
    void matchesDcmj2pnm(String name, int frame, String window, String voiOptions, int tolerance) throws IOException {
        Path file = ExternalTools.testFile(name);
        DicomFile dicom = Part10.read(file);
        BufferedImage ours = FrameRenderer.render(dicom.dataset(), dicom.transferSyntax().uid(), frame - 1,
                window.equals("-") ? null : parseWindow(window), null);

        assertWithin(dcmj2pnm(file, frame, voiOptions), ours, tolerance);
    }

    private static void assertWithin(Pnm theirs, BufferedImage ours, int tolerance) {
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

    /**
     * Lookup tables pydicom's files lack, written here and rendered by both: a PALETTE COLOR image with 16-bit and
     * with 8-bit tables, MR_small given a Modality LUT Sequence that squares its values, and MR_small given a VOI
     * LUT Sequence (an S curve from value 100) instead of its window.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"palette 16-bit,16", "palette 8-bit,8", "modality LUT,0", "VOI LUT,-1"})
    void lookupTablesMatchDcmj2pnm(String what, int paletteBits) throws IOException {
        Dataset dataset;
        String voiOptions;
        if (paletteBits > 0) {
            dataset = paletteImage(paletteBits);
            voiOptions = "-";
        } else {
            dataset = Part10.read(ExternalTools.testFile("MR_small.dcm")).dataset();
            dataset.remove(Tags.WindowCenter);
            dataset.remove(Tags.WindowWidth);
            byte[] table = new byte[2 * 4096];
            for (int i = 0; i < 4096; i++) {
                int value = paletteBits == 0 ? i * i / 4096 : (int) (4095 / (1 + Math.exp(-(i - 1000) / 200.0)));
                table[2 * i] = (byte) value;
                table[2 * i + 1] = (byte) (value >> 8);
            }
            Dataset item = dataset.newSequence(paletteBits == 0 ? Tags.ModalityLUTSequence : Tags.VOILUTSequence)
                    .addItem();
            item.setInt(Tags.LUTDescriptor, VR.US, 4096, paletteBits == 0 ? 0 : 100, 12);
            item.put(Tags.LUTData, VR.OW, table);
            voiOptions = paletteBits == 0 ? "+Wm" : "+Wl 1";
        }
        Path file = dir.resolve("lut.dcm");
        Part10.write(file, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        BufferedImage ours = FrameRenderer.render(dataset, UIDs.ExplicitVRLittleEndian, 0, null, null);
        assertWithin(dcmj2pnm(file, 1, voiOptions), ours, 1);
    }

    private static Dataset paletteImage(int bits) {
        Dataset dataset = new Dataset();
        dataset.setString(Tags.SOPClassUID, VR.UI, UIDs.SecondaryCaptureImageStorage);
        dataset.setString(Tags.SOPInstanceUID, VR.UI, "2.25.1234");
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, "PALETTE COLOR");
        dataset.setInt(Tags.SamplesPerPixel, VR.US, 1);
        dataset.setInt(Tags.Rows, VR.US, 16);
        dataset.setInt(Tags.Columns, VR.US, 32);
        dataset.setInt(Tags.BitsAllocated, VR.US, 8);
        dataset.setInt(Tags.BitsStored, VR.US, 8);
        dataset.setInt(Tags.HighBit, VR.US, 7);
        dataset.setInt(Tags.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[16 * 32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7 + i / 32); // every index, in no order
        }
        dataset.put(Tags.PixelData, VR.OB, pixels);
        for (int c = 0; c < 3; c++) {
            // 250 entries from index 3: indices below and above take the first and last entries
            dataset.setInt(Tags.RedPaletteColorLookupTableDescriptor + c, VR.US, 250, 3, bits);
            byte[] table = new byte[bits == 8 ? 250 : 500];
            for (int i = 0; i < 250; i++) {
                int value = switch (c) {
                    case 0 -> i;
                    case 1 -> 249 - i;
                    default -> (i * 37) % 250;
                };
                if (bits == 8) {
                    table[i] = (byte) value;
                } else {
                    table[2 * i] = (byte) (value * 263);
                    table[2 * i + 1] = (byte) ((value * 263) >> 8);
                }
            }
            dataset.put(Tags.RedPaletteColorLookupTableData + c, VR.OW, table);
        }
        return dataset;
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
