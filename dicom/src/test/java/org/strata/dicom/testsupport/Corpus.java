package org.strata.dicom.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;

/** The real DICOM files no one here wrote: pydicom's test and charset files and dicom3tools' example. */
public final class Corpus {

    private Corpus() {
    }

    /** Every file of the corpus that our reader reads, with what it read. */
    public static List<DicomFile> readable() {
        List<DicomFile> files = new ArrayList<>();
        for (Path path : paths()) {
            try {
                files.add(Part10.read(path));
            } catch (IOException e) {
                // Not DICOM (READMEs, JSON) or deliberately broken: the reader's own tests cover those.
            }
        }
        assertTrue(files.size() > 150, "only " + files.size() + " corpus files could be read");
        return files;
    }

    public static List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        for (Path root : List.of(ExternalTools.TEST_FILES, ExternalTools.CHARSET_FILES,
                Path.of("/usr/share/doc/dicom3tools/examples"))) {
            assertTrue(Files.isDirectory(root), root + " is missing (install python3-pydicom, dicom3tools)");
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).sorted().forEach(paths::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paths;
    }

    /**
     * A copy of a data set as the JSON and XML models can carry it: no group lengths, and person names
     * without trailing empty components and groups ("A^B^^=C=" is "A^B=C", PS3.5 6.2.1), which the
     * models cannot express.
     */
    public static Dataset asModelsCarryIt(Dataset dataset) {
        Dataset copy = new Dataset();
        copyAsModelsCarryIt(dataset, copy);
        return copy;
    }

    private static void copyAsModelsCarryIt(Dataset from, Dataset to) {
        for (int i = 0; i < from.size(); i++) {
            int tag = from.tagAt(i);
            if ((tag & 0xFFFF) == 0) {
                continue;
            }
            if (from.valueAt(i) instanceof Sequence items) {
                Sequence copied = to.newSequence(tag);
                for (Dataset item : items) {
                    copyAsModelsCarryIt(item, copied.addItem());
                }
            } else if (from.vrAt(i) == VR.PN && from.valueAt(i) != null) {
                String[] names = from.getStrings(tag);
                for (int k = 0; k < names.length; k++) {
                    String[] groups = names[k].split("=", -1);
                    for (int g = 0; g < groups.length; g++) {
                        groups[g] = groups[g].replaceFirst("\\^+$", "");
                    }
                    names[k] = String.join("=", groups).replaceFirst("=+$", "");
                }
                to.put(tag, VR.PN, String.join("\\", names));
            } else {
                to.put(tag, from.vrAt(i), from.valueAt(i));
            }
        }
    }
}
