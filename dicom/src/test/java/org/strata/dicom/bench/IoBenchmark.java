package org.strata.dicom.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.DicomReader;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;

/**
 * Throughput harness (single thread) for the Part 10 reader and writer on a 512x512 16-bit CT: pydicom's
 * CT_small.dcm header (real, ~140 elements incl. private ones) with synthesised 512x512 pixel data, ~530 KB.
 * Reads from memory so parsing, not the disk, is measured. Run:
 * <pre>
 *   cd dicom && mvn -o -q test-compile &&
 *   java -cp target/classes:target/test-classes org.strata.dicom.bench.IoBenchmark [seconds-per-case]
 * </pre>
 */
public final class IoBenchmark {
    private IoBenchmark() {
    }

    private interface Case {
        long run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] file = syntheticCt();
        System.out.printf("input: %d bytes (512x512x16 CT, explicit VR LE)%n", file.length);
        DicomFile parsed = read(file, false);
        Dataset dataset = parsed.dataset();
        FileMetaInformation meta = parsed.meta();

        measure("header parse (stop before pixel data)", seconds, file.length, () -> read(file, true).dataset().size());
        measure("full read", seconds, file.length, () -> read(file, false).dataset().size());
        measure("full write", seconds, file.length, () -> {
            CountingStream out = new CountingStream();
            new DicomWriter(out).writeFile(meta, dataset);
            return out.count;
        });
        measure("full read + write", seconds, file.length, () -> {
            DicomFile f = read(file, false);
            CountingStream out = new CountingStream();
            new DicomWriter(out).writeFile(f.meta(), f.dataset());
            return out.count;
        });
    }

    private static DicomFile read(byte[] file, boolean header) throws IOException {
        return new DicomReader(new ByteArrayInputStream(file)).stopBeforePixelData(header).readFile();
    }

    /**
     * Runs a case for {@code seconds} of wall time after a warm-up; reports throughput per second of this
     * thread's CPU time (what one core does, independent of other load on the machine) and per wall second.
     */
    private static void measure(String name, double seconds, long bytesPerOp, Case c) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmupEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmupEnd) {
            sink += c.run();
        }
        long ops = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            sink += c.run();
            ops++;
            now = System.nanoTime();
        } while (now < end);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (now - start) / 1e9;
        System.out.printf("%-38s per CPU-s: %8.0f instances/s %7.0f MB/s | per wall-s: %8.0f instances/s (%d ops, %d)%n",
                name, ops / cpu, ops * (double) bytesPerOp / cpu / 1e6, ops / wall, ops, sink % 10);
    }

    /** CT_small.dcm's header with Rows/Columns 512 and 512x512 16-bit pixel data, written as a Part 10 file. */
    public static byte[] syntheticCt() throws IOException {
        DicomFile ct = Part10.read(Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm"));
        Dataset ds = ct.dataset();
        ds.setInt(Tags.Rows, VR.US, 512);
        ds.setInt(Tags.Columns, VR.US, 512);
        byte[] pixels = new byte[512 * 512 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            int v = (i * 31) & 0x0FFF;
            pixels[i] = (byte) v;
            pixels[i + 1] = (byte) (v >> 8);
        }
        ds.setBytes(Tags.PixelData, VR.OW, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream(600_000);
        new DicomWriter(out).writeFile(FileMetaInformation.forDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), ds);
        return out.toByteArray();
    }

    /** Discards bytes, counting them. */
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
