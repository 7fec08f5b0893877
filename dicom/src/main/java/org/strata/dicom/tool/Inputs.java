package org.strata.dicom.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;

/** Opening the files commands read and write, with errors that name the file. */
final class Inputs {

    private Inputs() {
    }

    /** Reads a DICOM file (or bare data set), pixel data left on disk as references until used. */
    static DicomFile readDicom(String name) throws IOException {
        Path path = existing(name);
        try {
            DicomFile file = Part10.readWithBulkDataReferences(path);
            // References into a deflated file would point into the compressed bytes: read those whole.
            return file.transferSyntax().isDeflated() ? Part10.read(path) : file;
        } catch (IOException e) {
            throw new IOException(name + ": " + Main.oneLine(e), e);
        }
    }

    /** Opens a file to read, or standard input for "-". */
    static InputStream open(String name) throws IOException {
        return name.equals("-") ? System.in : Files.newInputStream(existing(name));
    }

    /** Runs a writer against a file, or standard output for "-" or no name. */
    static void write(String name, PrintStream stdout, OutputWriter writer) throws IOException {
        if (name == null || name.equals("-")) {
            writer.write(stdout);
            stdout.flush();
            return;
        }
        try (OutputStream out = Files.newOutputStream(Path.of(name))) {
            writer.write(out);
        }
    }

    /** Writes to a stream. */
    interface OutputWriter {
        void write(OutputStream out) throws IOException;
    }

    private static Path existing(String name) throws IOException {
        Path path = Path.of(name);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(name, null, "no such file");
        }
        return path;
    }
}
