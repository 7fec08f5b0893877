package org.strata.dicom.dimse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.Part10;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.ExternalTools;

/**
 * The real files the interop tests send: valid Part 10 files of a storage SOP class from pydicom's test data,
 * "valid" meaning that both our reader and DCMTK's dcmdump read them without error and that the data set's SOP
 * class and instance UIDs are those of the meta information.
 */
public final class Corpus {
    static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private Corpus() {
    }

    private static List<Part10Source> cached;

    public static synchronized List<Part10Source> storageFiles() throws IOException, InterruptedException {
        if (cached == null) {
            cached = find();
        }
        return cached;
    }

    private static List<Part10Source> find() throws IOException, InterruptedException {
        if (!Files.isDirectory(TEST_FILES)) {
            throw new IllegalStateException(TEST_FILES + " missing: install python3-pydicom");
        }
        List<Part10Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEST_FILES)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    Part10Source s = Part10Source.open(f);
                    if (AcceptPolicy.STORAGE_CLASSES.test(s.sopClassUid())) {
                        // The whole file must parse, and its data set name the instance its meta names.
                        Dataset ds = Part10.read(f).dataset();
                        if (s.sopClassUid().equals(ds.getString(Tags.SOPClassUID))
                                && s.sopInstanceUid().equals(ds.getString(Tags.SOPInstanceUID))
                                && ExternalTools.run(30, "dcmdump", "-q", f.toString()).exitCode() == 0) {
                            out.add(s);
                        }
                    }
                } catch (IOException e) {
                    // Not a valid Part 10 file: not part of the corpus.
                }
            }
        }
        return out;
    }

    /** The data set bytes of a Part 10 file (everything after its meta information). */
    public static byte[] datasetBytes(Path file) throws IOException {
        Part10Source s = Part10Source.open(file);
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOfRange(all, (int) s.datasetOffset(), all.length);
    }
}
