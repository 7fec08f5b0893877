package org.strata.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.testsupport.ExternalTools;

/**
 * Our RLE codec against DCMTK's: DCMTK encodes (dcmcrle) and we decode; we encode and DCMTK decodes (dcmdrle).
 * Pixel bytes move in and out of DICOM files through {@code dcmdump +W} and {@code dump2dcm}, so this test
 * depends on no other part of our toolkit.
 */
class RleDcmtkInteropTest {

    private static final Pattern ATTRIBUTE = Pattern.compile("^\\(0028,(0002|0006|0008|0010|0011|0100)\\) \\w\\w \\[?(\\d+)");
    private static final Pattern RAW_FILE = Pattern.compile("=(\\./\\S+\\.raw)");

    @TempDir
    Path dir;

    /** Native little-endian sources: 8/16/32 bits, 1 and 3 samples, single and multi-frame. */
    @ParameterizedTest
    @ValueSource(strings = {"MR_small.dcm", "CT_small.dcm", "rtdose.dcm", "SC_rgb_small_odd.dcm",
        "../charset_files/chrArab.dcm", "SC_rgb_rle_16bit_2frame.dcm", "SC_rgb_rle_32bit_2frame.dcm",
        "SC_rgb_rle_2frame.dcm"})
    void bothCodecsAgreeWithTheOriginalPixels(String name) throws IOException {
        Path source = ExternalTools.testFile(name);
        Path nativeFile = dir.resolve("native.dcm");
        if (name.contains("_rle")) { // pydicom ships these RGB variants only compressed: DCMTK makes the original
            ExternalTools.run(dir, "dcmdrle", source.toString(), nativeFile.toString());
        } else {
            Files.copy(source, nativeFile);
        }
        Dump original = dump(nativeFile, "orig");
        byte[] pixels = Files.readAllBytes(original.rawFiles.get(0));
        PixelFormat format = original.format;

        Path dcmtkRle = dir.resolve("dcmtk-rle.dcm");
        ExternalTools.run(dir, "dcmcrle", nativeFile.toString(), dcmtkRle.toString());
        Dump encoded = dump(dcmtkRle, "enc");
        assertEquals(format.numberOfFrames() + 1, encoded.rawFiles.size(), "offset table + one fragment per frame");
        List<byte[]> ourFragments = new ArrayList<>();
        for (int frame = 0; frame < format.numberOfFrames(); frame++) {
            byte[] dcmtkFragment = Files.readAllBytes(encoded.rawFiles.get(frame + 1));
            assertArrayEquals(NativeFrames.frame(pixels, format, frame), RleCodec.decodeFrame(dcmtkFragment, format),
                    "our decoding of DCMTK's frame " + frame);
            ourFragments.add(RleCodec.encodeFrame(NativeFrames.frame(pixels, format, frame), format));
        }

        // Swap DCMTK's fragments and offset table for ours, rebuild the file, let DCMTK decode it.
        ByteBuffer offsets = ByteBuffer.allocate(4 * ourFragments.size()).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 0;
        for (int i = 0; i < ourFragments.size(); i++) {
            offsets.putInt(offset);
            offset += 8 + ourFragments.get(i).length;
            Files.write(encoded.rawFiles.get(i + 1), ourFragments.get(i));
        }
        Files.write(encoded.rawFiles.get(0), offsets.array());
        Path ourRle = dir.resolve("our-rle.dcm");
        ExternalTools.run(encoded.dumpFile.getParent(), "dump2dcm", "+l", "1000000", encoded.dumpFile.toString(), ourRle.toString());
        Path decoded = dir.resolve("dcmtk-decoded.dcm");
        ExternalTools.run(dir, "dcmdrle", ourRle.toString(), decoded.toString());
        Dump roundTrip = dump(decoded, "dec");
        assertEquals(format, roundTrip.format);
        assertArrayEquals(pixels, Files.readAllBytes(roundTrip.rawFiles.get(0)), "DCMTK's decoding of our RLE");
    }

    private record Dump(PixelFormat format, List<Path> rawFiles, Path dumpFile) {
    }

    /** dcmdump with pixel data written to raw files in a fresh subfolder; long texts kept whole for dump2dcm. */
    private Dump dump(Path file, String name) throws IOException {
        Path out = Files.createDirectory(dir.resolve(name));
        String text = ExternalTools.run(out, "dcmdump", "+L", "+W", ".", file.toString());
        Path dumpFile = out.resolve("dump.txt");
        Files.writeString(dumpFile, text);
        int[] values = {1, 0, 1, 0, 0, 0}; // samples, planar, frames, rows, columns, bits allocated
        String order = "0002 0006 0008 0010 0011 0100";
        List<Path> raws = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher attribute = ATTRIBUTE.matcher(line);
            if (attribute.find()) {
                values[order.indexOf(attribute.group(1)) / 5] = Integer.parseInt(attribute.group(2));
            }
            Matcher raw = RAW_FILE.matcher(line);
            if (raw.find()) {
                raws.add(out.resolve(raw.group(1)).normalize());
            }
        }
        return new Dump(new PixelFormat(values[3], values[4], values[0], values[5], values[1], values[2]), raws,
                dumpFile);
    }
}
