package org.strata.dicom.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

    /** One measured operation; returns the bytes it produced or consumed. */
    private interface Case {
        long run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Dataset header = Part10.readHeader(Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm"))
                .dataset();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        DicomJsonWriter.write(header, json, BulkDataPolicy.INLINE, false);
        byte[] jsonBytes = json.toByteArray();
        System.out.printf("CT header: %d elements, %d bytes of JSON%n", header.size(), jsonBytes.length);

        measure("JSON write, CT header", seconds, () -> {
            CountingStream out = new CountingStream();
            DicomJsonWriter.write(header, out, BulkDataPolicy.INLINE, false);
            return out.count;
        });
        measure("JSON read, CT header", seconds, () -> {
            DicomJsonReader.read(new ByteArrayInputStream(jsonBytes));
            return jsonBytes.length;
        });
        measure("XML write, CT header", seconds, () -> {
            CountingStream out = new CountingStream();
            new DicomXmlWriter(out, BulkDataPolicy.INLINE, true).write(header);
            return out.count;
        });

        PixelFormat format = new PixelFormat(512, 512, 1, 16, 0, 1);
        byte[] frame = ctLikeFrame(format);
        byte[] rle = RleCodec.encodeFrame(frame, format);
        System.out.printf("512x512x16 frame: %d bytes, RLE %d bytes%n", frame.length, rle.length);
        measure("RLE encode, 512x512x16", seconds, () -> RleCodec.encodeFrame(frame, format).length * 0L + frame.length);
        measure("RLE decode, 512x512x16", seconds, () -> RleCodec.decodeFrame(rle, format).length);
    }

    private static void measure(String name, double seconds, Case operation) throws IOException {
        long warmUpEnd = System.nanoTime() + (long) (seconds * 0.3e9);
        while (System.nanoTime() < warmUpEnd) {
            operation.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long count = 0;
        long bytes = 0;
        while (System.nanoTime() < end) {
            bytes += operation.run();
            count++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-26s %,12.0f ops/s %10.1f MB/s%n", name, count / elapsed, bytes / elapsed / 1e6);
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

    /** Counts bytes written and drops them. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
