package org.strata.dicom.bench;

import static org.strata.dicom.bench.Throughput.measure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.io.Part10;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.DicomJsonReader;
import org.strata.dicom.json.DicomJsonWriter;
import org.strata.dicom.pixel.PixelFormat;
import org.strata.dicom.pixel.RleCodec;
import org.strata.dicom.xml.DicomXmlWriter;

/**
 * Throughput harness (single thread) for the formats: DICOM JSON writing and reading and Native DICOM
 * Model XML writing of a CT header (pydicom's CT_small.dcm up to its pixel data, ~140 elements incl.
 * private ones), and RLE encoding and decoding of a 512x512 16-bit CT-like frame. Run:
 * <pre>
 *   cd dicom && mvn -o -q test-compile &&
 *   java -cp target/classes:target/test-classes org.strata.dicom.bench.FormatsBenchmark [seconds-per-case]
 * </pre>
 */
public final class FormatsBenchmark {

    private FormatsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Dataset header = Part10.readHeader(Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm"))
                .dataset();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        DicomJsonWriter.write(header, json, BulkDataPolicy.INLINE, false);
        byte[] jsonBytes = json.toByteArray();
        System.out.printf("CT header: %d elements, %d bytes of JSON%n", header.size(), jsonBytes.length);

        Throughput.CountingStream xml = new Throughput.CountingStream();
        new DicomXmlWriter(xml, BulkDataPolicy.INLINE, true).write(header);

        measure("JSON write, CT header", seconds, jsonBytes.length, () -> {
            Throughput.CountingStream out = new Throughput.CountingStream();
            DicomJsonWriter.write(header, out, BulkDataPolicy.INLINE, false);
            return out.count;
        });
        measure("JSON read, CT header", seconds, jsonBytes.length,
                () -> DicomJsonReader.read(new ByteArrayInputStream(jsonBytes)).size());
        measure("XML write, CT header", seconds, xml.count, () -> {
            Throughput.CountingStream out = new Throughput.CountingStream();
            new DicomXmlWriter(out, BulkDataPolicy.INLINE, true).write(header);
            return out.count;
        });

        PixelFormat format = new PixelFormat(512, 512, 1, 16, 0, 1);
        byte[] frame = ctLikeFrame(format);
        byte[] rle = RleCodec.encodeFrame(frame, format);
        System.out.printf("512x512x16 frame: %d bytes, RLE %d bytes%n", frame.length, rle.length);
        measure("RLE encode, 512x512x16", seconds, frame.length, () -> RleCodec.encodeFrame(frame, format).length);
        measure("RLE decode, 512x512x16", seconds, frame.length, () -> RleCodec.decodeFrame(rle, format).length);
    }

    /** A body of smooth values with noise in the low bits, over a constant background, as CT slices look. */
    private static byte[] ctLikeFrame(PixelFormat format) {
        Random random = new Random(42);
        byte[] frame = new byte[format.frameLength()];
        for (int y = 0; y < format.rows(); y++) {
            for (int x = 0; x < format.columns(); x++) {
                double r = Math.hypot(x - 256, y - 256);
                int value = r > 200 ? 0 : 1000 + (int) (200 * Math.cos(r / 15)) + random.nextInt(8);
                int at = 2 * (y * format.columns() + x);
                frame[at] = (byte) value;
                frame[at + 1] = (byte) (value >> 8);
            }
        }
        return frame;
    }
}
