package org.strata.bench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;

/**
 * The real CT every benchmark instance is cloned from: Debian python3-pydicom's {@code 693_J2KI.dcm} (512x512,
 * 16 bits allocated, JPEG 2000), decompressed once by GDCM's {@code gdcmconv --raw} into a cache file.
 */
public final class CtTemplate {
    public static final Path SOURCE = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/693_J2KI.dcm");

    private CtTemplate() {
    }

    /** The decompressed template, made in {@code cacheFolder} if it is not there yet. */
    public static DicomFile load(Path cacheFolder) throws IOException {
        Path raw = cacheFolder.resolve("ct-template-512.dcm");
        if (!Files.isRegularFile(raw)) {
            if (!Files.isRegularFile(SOURCE)) {
                throw new IOException("the CT template " + SOURCE + " is missing (apt-get install -y python3-pydicom)");
            }
            Files.createDirectories(cacheFolder);
            Path partial = cacheFolder.resolve("ct-template-512.dcm.part");
            run("gdcmconv", "--raw", SOURCE.toString(), partial.toString());
            Files.move(partial, raw);
        }
        DicomFile template = Part10.read(raw);
        if (TransferSyntax.forUid(template.meta().transferSyntaxUid()).isEncapsulated()
                || template.dataset().getInt(Tags.Rows, 0) != 512 || template.dataset().getInt(Tags.Columns, 0) != 512) {
            throw new IOException(raw + " is not an uncompressed 512x512 image; delete it to make it again");
        }
        return template;
    }

    private static void run(String... command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " not found (apt-get install -y libgdcm-tools)", e);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        }
    }
}
