package org.strata.dicom.bench;

import static org.strata.dicom.bench.Throughput.measure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
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

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] file = syntheticCt();
        System.out.printf("input: %d bytes (512x512x16 CT, explicit VR LE)%n", file.length);
        DicomFile parsed = read(file, false);
        Dataset dataset = parsed.dataset();
        FileMetaInformation meta = parsed.meta();

        long headerBytes;
        try (DicomReader r = new DicomReader(new ByteArrayInputStream(file))) {
            r.stopBeforePixelData(true).readFile();
            headerBytes = r.position();
        }
        System.out.printf("header: %d bytes, %d top-level elements%n", headerBytes, dataset.size());
        measure("header parse (stop before pixel data)", seconds, headerBytes, () -> read(file, true).dataset().size());
        measure("full read", seconds, file.length, () -> read(file, false).dataset().size());
        Path onDisk = Files.createTempFile("strata-bench", ".dcm");
        try {
            Files.write(onDisk, file);
            measure("header parse from file (page cache)", seconds, headerBytes,
                    () -> Part10.readHeader(onDisk).dataset().size());
            measure("full read from file (page cache)", seconds, file.length, () -> Part10.read(onDisk).dataset().size());
        } finally {
            Files.delete(onDisk);
        }
        measure("full write", seconds, file.length, () -> {
            Throughput.CountingStream out = new Throughput.CountingStream();
            new DicomWriter(out).writeFile(meta, dataset);
            return out.count;
        });
        measure("full read + write", seconds, file.length, () -> {
            DicomFile f = read(file, false);
            Throughput.CountingStream out = new Throughput.CountingStream();
            new DicomWriter(out).writeFile(f.meta(), f.dataset());
            return out.count;
        });
    }

    private static DicomFile read(byte[] file, boolean header) throws IOException {
        return new DicomReader(new ByteArrayInputStream(file)).stopBeforePixelData(header).readFile();
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
}
