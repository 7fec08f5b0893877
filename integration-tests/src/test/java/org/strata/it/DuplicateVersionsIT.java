package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;

/**
 * Setting {@code strata.store.duplicates=KEEP_VERSIONS}: an object with a stored SOP Instance UID and other content
 * becomes the current version (the one a retrieve returns) while the earlier one stays stored; the same content
 * again adds nothing.
 */
class DuplicateVersionsIT {
    private static final Path CT = Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm");

    @Test
    void aChangedObjectBecomesTheCurrentVersionAndTheEarlierOneStaysStored(@TempDir Path dir) throws Exception {
        DicomFile original = Part10.read(CT);
        Dataset ds = original.dataset();
        String study = ds.getString(Tags.StudyInstanceUID);
        String sopUid = ds.getString(Tags.SOPInstanceUID);
        ds.setString(Tags.ImageComments, "corrected after the first send");
        Path corrected = dir.resolve("corrected.dcm");
        Part10.write(corrected, original.meta(), ds);

        try (StandaloneServer server = StandaloneServer.start("duplicate-versions",
                Map.of("strata.store.duplicates", "KEEP_VERSIONS"))) {
            server.awaitBoot();
            for (Path file : List.of(CT, corrected, corrected)) {
                List<FileSender.Result> sent = Dicom.send(server.dicomPort(), "MODALITY", file);
                assertEquals(0, sent.get(0).status(), file + ": " + sent);
            }

            List<byte[]> stored = new ArrayList<>();
            try (Stream<Path> files = Files.walk(server.hotTier())) {
                for (Path p : files.filter(p -> p.getFileName().toString().startsWith(sopUid)).sorted().toList()) {
                    stored.add(Dicom.datasetBytes(p));
                }
            }
            assertEquals(2, stored.size(), "both versions, and only once each, in the hot tier");
            byte[] earlier = Dicom.datasetBytes(CT);
            assertEquals(1, stored.stream().filter(b -> Arrays.equals(b, earlier)).count(),
                    "the earlier version is kept");

            Path received = Files.createDirectory(dir.resolve("received"));
            Tools.Result get = Tools.run(List.of("getscu", "-S", "-aec", "STRATA", "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID=" + study, "-od", received.toString(), "127.0.0.1",
                    String.valueOf(server.dicomPort())));
            assertEquals(0, get.exit(), get.output());
            List<Path> retrieved;
            try (Stream<Path> files = Files.list(received)) {
                retrieved = files.toList();
            }
            assertEquals(1, retrieved.size(), "a retrieve returns the current version only: " + retrieved);
            assertArrayEquals(Dicom.datasetBytes(corrected), Dicom.datasetBytes(retrieved.get(0)));
        }
    }
}
