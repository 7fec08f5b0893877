package org.strata.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.dicom.data.Dataset;

/** One-call reading and writing of Part 10 files. */
public final class Part10 {
    private Part10() {
    }

    /** Reads a whole file into memory (pixel data included). */
    public static DicomFile read(Path file) throws IOException {
        try (DicomReader reader = new DicomReader(file)) {
            return reader.readFile();
        }
    }

    /** Reads a file up to (not including) its pixel data: what indexing needs. */
    public static DicomFile readHeader(Path file) throws IOException {
        try (DicomReader reader = new DicomReader(file)) {
            return reader.stopBeforePixelData(true).readFile();
        }
    }

    /** Reads a file keeping pixel data as {@code BulkData} references into it (read on demand). */
    public static DicomFile readWithBulkDataReferences(Path file) throws IOException {
        try (DicomReader reader = new DicomReader(file)) {
            return reader.bulkDataReferences(true).readFile();
        }
    }

    /** Writes a file with the given meta information. */
    public static void write(Path file, FileMetaInformation meta, Dataset dataset) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new DicomWriter(out).writeFile(meta, dataset);
        }
    }

    /** Writes a file in {@code ts}, with meta information made from the data set's SOP Class/Instance UIDs. */
    public static void write(Path file, Dataset dataset, TransferSyntax ts) throws IOException {
        write(file, FileMetaInformation.forDataset(dataset, ts.uid()), dataset);
    }
}
