package org.strata.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.json.JsonTestTrees;
import org.strata.dicom.testsupport.ExternalTools;

/**
 * Frame access on pydicom's multi-frame and single-frame files, native and encapsulated, against pydicom:
 * our frames of compressed bytes equal what pydicom.encaps splits, our native and RLE-decoded frames equal
 * pydicom's pixel_array. pydicom runs once for the class (src/test/resources/pydicom/frames.py).
 */
class PixelFramesPydicomTest {

    private static final List<String> FILES = List.of("rtdose.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm",
            "MR_small_RLE.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit_2frame.dcm", "SC_rgb_rle_32bit_2frame.dcm",
            "SC_rgb_small_odd.dcm", "liver_1frame.dcm", "JPEG2000.dcm", "SC_rgb_jpeg_gdcm.dcm", "CT_small.dcm");

    private static Map<String, Object> reference;

    @BeforeAll
    static void runPydicom(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("frames.json");
        List<String> args = new ArrayList<>(List.of(out.toString()));
        FILES.forEach(name -> args.add(ExternalTools.testFile(name).toString()));
        ExternalTools.runPydicomScript(dir, "frames.py", args.toArray(String[]::new));
        reference = JsonTestTrees.parse(Files.readString(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rtdose.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm", "MR_small_RLE.dcm",
        "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit_2frame.dcm", "SC_rgb_rle_32bit_2frame.dcm", "SC_rgb_small_odd.dcm",
        "liver_1frame.dcm", "JPEG2000.dcm", "SC_rgb_jpeg_gdcm.dcm", "CT_small.dcm"})
    void framesEqualPydicoms(String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) reference.get(ExternalTools.testFile(name).toString());
        Dataset dataset = Part10.read(ExternalTools.testFile(name)).dataset();
        PixelFormat format = PixelFormat.of(dataset);
        assertEquals(((Number) expected.get("frames")).intValue(), format.numberOfFrames());
        List<byte[]> decoded = base64List(expected.get("decoded"));
        Fragments fragments = dataset.getFragments(Tags.PixelData);
        if (fragments != null) {
            EncapsulatedFrames frames = DatasetFrames.locate(dataset, fragments, format.numberOfFrames());
            List<byte[]> compressed = base64List(expected.get("compressed"));
            assertEquals(compressed.size(), frames.numberOfFrames());
            for (int i = 0; i < compressed.size(); i++) {
                assertArrayEquals(compressed.get(i), frames.frame(i), name + " compressed frame " + i);
                if (name.contains("RLE") || name.contains("rle")) {
                    assertArrayEquals(decoded.get(i), RleCodec.decodeFrame(frames.frame(i), format),
                            name + " decoded frame " + i);
                }
            }
        } else {
            byte[] pixels = dataset.readBytes(Tags.PixelData);
            for (int i = 0; i < format.numberOfFrames(); i++) {
                byte[] frame = NativeFrames.frame(pixels, format, i);
                assertArrayEquals(decoded.get(i), format.bitsAllocated() == 1 ? unpackBits(frame, format) : frame,
                        name + " frame " + i);
            }
        }
    }

    /** {@link DatasetFrames} with Pixel Data left on disk: each frame read on its own, RLE decoded. */
    @ParameterizedTest
    @ValueSource(strings = {"rtdose.dcm", "rtdose_expb.dcm", "rtdose_rle.dcm", "MR_small_RLE.dcm",
        "SC_rgb_rle_16bit_2frame.dcm", "SC_rgb_small_odd.dcm", "JPEG2000.dcm", "SC_rgb_jpeg_gdcm.dcm", "CT_small.dcm"})
    void datasetFramesReadFromDiskEqualPydicoms(String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) reference.get(ExternalTools.testFile(name).toString());
        DicomFile file = Part10.readWithBulkDataReferences(ExternalTools.testFile(name));
        Dataset dataset = file.dataset();
        String syntax = file.transferSyntax().uid();
        assertEquals(((Number) expected.get("frames")).intValue(), DatasetFrames.numberOfFrames(dataset));
        List<byte[]> decoded = base64List(expected.get("decoded"));
        List<byte[]> compressed = base64List(expected.get("compressed"));
        for (int i = 0; i < DatasetFrames.numberOfFrames(dataset); i++) {
            if (DatasetFrames.isEncapsulated(dataset)) {
                assertArrayEquals(compressed.get(i), DatasetFrames.storedFrame(dataset, i), name + " stored frame " + i);
            }
            if (!DatasetFrames.isEncapsulated(dataset) || syntax.equals(UIDs.RLELossless)) {
                assertArrayEquals(decoded.get(i), DatasetFrames.nativeFrame(dataset, syntax, i), name + " frame " + i);
            } else if (DatasetFrames.isDecodable(syntax)) {
                // pydicom has no lossless JPEG decoder here: JpegLosslessDcmtkTest compares with DCMTK's instead
                assertEquals(PixelFormat.of(dataset).frameLength(), DatasetFrames.nativeFrame(dataset, syntax, i).length);
            } else {
                int frame = i;
                PixelDataException refused = assertThrows(PixelDataException.class,
                        () -> DatasetFrames.nativeFrame(dataset, syntax, frame));
                assertTrue(refused.getMessage().startsWith("cannot decode JPEG"), refused.getMessage());
            }
        }
        assertThrows(PixelDataException.class,
                () -> DatasetFrames.nativeFrame(dataset, syntax, DatasetFrames.numberOfFrames(dataset)));
    }

    @Test
    void oneBitFramesNeedNotStartOnAByte() throws PixelDataException {
        // Three frames of 3x3 1-bit pixels: 9 bits each, so frames 1 and 2 start inside a byte.
        PixelFormat format = new PixelFormat(3, 3, 1, 1, 0, 3);
        byte[] packed = {(byte) 0b1010_1101, (byte) 0b0110_0011, (byte) 0b0000_0111, (byte) 0b0000_0000};
        assertEquals(1, NativeFrames.frameOffset(format, 1));
        assertEquals(2, NativeFrames.frameOffset(format, 2));
        assertArrayEquals(new byte[] {(byte) 0b1010_1101, 1}, NativeFrames.frame(packed, format, 0));
        assertArrayEquals(new byte[] {(byte) 0b1011_0001, 1}, NativeFrames.frame(packed, format, 1));
        assertArrayEquals(new byte[] {1, 0}, NativeFrames.frame(packed, format, 2));
        assertThrows(PixelDataException.class, () -> NativeFrames.frame(packed, format, 3));
        assertThrows(PixelDataException.class, () -> NativeFrames.frame(new byte[3], format, 0));
    }

    @Test
    void offsetTablesDecideWhichFragmentsMakeAFrame() throws PixelDataException {
        List<byte[]> fragments = List.of(new byte[] {1, 2}, new byte[] {3, 4}, new byte[] {5, 6, 7, 8}, new byte[] {9, 9});
        byte[] basic = {0, 0, 0, 0, 20, 0, 0, 0}; // frame 1 starts at the third item: 2 * (8 + 2) bytes in
        EncapsulatedFrames byBasic = EncapsulatedFrames.locate(fragments, basic, null, null, 2);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, byBasic.frame(0));
        assertArrayEquals(new byte[] {5, 6, 7, 8, 9, 9}, byBasic.frame(1));
        assertEquals(2, byBasic.firstFragment(1));
        assertEquals(2, byBasic.fragmentCount(1));
        EncapsulatedFrames byExtended = EncapsulatedFrames.locate(fragments, new byte[0], new long[] {10, 20},
                new long[] {1, 3}, 2);
        assertArrayEquals(new byte[] {3}, byExtended.frame(0));
        assertArrayEquals(new byte[] {5, 6, 7}, byExtended.frame(1));
        assertArrayEquals(new byte[] {3, 4}, EncapsulatedFrames.locate(fragments, new byte[0], null, null, 4).frame(1));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 9},
                EncapsulatedFrames.locate(fragments, new byte[0], null, null, 1).frame(0));
        assertThrows(PixelDataException.class, () -> EncapsulatedFrames.locate(fragments, new byte[0], null, null, 3));
        assertThrows(PixelDataException.class, () -> EncapsulatedFrames.locate(fragments, new byte[] {0, 0, 0, 0,
            7, 0, 0, 0}, null, null, 2));
        assertThrows(PixelDataException.class, () -> EncapsulatedFrames.locate(fragments, new byte[0],
                new long[] {0, 10}, new long[] {1, 9}, 2));
    }

    /** 1-bit pixels one per byte, as pydicom's pixel_array gives them (least significant bit first). */
    private static byte[] unpackBits(byte[] packed, PixelFormat format) {
        byte[] out = new byte[format.pixelsPerFrame() * format.samplesPerPixel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((packed[i / 8] >> (i % 8)) & 1);
        }
        return out;
    }

    private static List<byte[]> base64List(Object values) {
        List<byte[]> out = new ArrayList<>();
        if (values instanceof List<?> list) {
            list.forEach(v -> out.add(Base64.getDecoder().decode((String) v)));
        }
        return out;
    }
}
