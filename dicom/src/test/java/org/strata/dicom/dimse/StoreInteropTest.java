package org.strata.dicom.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.ExternalTools;

/**
 * C-STORE both ways against DCMTK over every storage file of pydicom's test data. DCMTK senders re-encode what
 * they send, so what our SCP stores is compared with what DCMTK's own storescp stores in bit-preserving mode
 * (+B) from the same sender; what our SCU sends is compared with the source file.
 */
class StoreInteropTest {
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
    private static List<Part10Source> corpus;

    @BeforeAll
    static void loadCorpus() throws Exception {
        // Distinct SOP instances only: some test files share an instance UID and would overwrite each other.
        Set<String> seen = new HashSet<>();
        corpus = Corpus.storageFiles().stream().filter(s -> seen.add(s.sopInstanceUid())).toList();
        assertTrue(corpus.size() > 100, "corpus found: " + corpus.size());
    }

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    /** Received files of a folder by SOP instance UID. */
    private static Map<String, Part10Source> received(Path folder) throws IOException {
        Map<String, Part10Source> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Part10Source s = Part10Source.open(f);
                out.put(s.sopInstanceUid(), s);
            }
        }
        return out;
    }

    /** Same instances, same transfer syntaxes, same data set bytes. */
    private static void assertSameDatasets(Map<String, Part10Source> expected, Map<String, Part10Source> actual)
            throws IOException {
        assertEquals(expected.keySet(), actual.keySet(), "same instances received");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Part10Source> e : expected.entrySet()) {
            Part10Source want = e.getValue();
            Part10Source got = actual.get(e.getKey());
            if (!want.transferSyntaxUid().equals(got.transferSyntaxUid())) {
                problems.add(want.file().getFileName() + ": syntax " + got.transferSyntaxUid() + " instead of "
                        + want.transferSyntaxUid());
            } else if (!Arrays.equals(Corpus.datasetBytes(want.file()), Corpus.datasetBytes(got.file()))) {
                problems.add(want.file().getFileName() + ": data set bytes differ");
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private static void assertAllOk(List<FileSender.Result> results) {
        List<String> failed = results.stream().filter(r -> !r.ok()).map(FileSender.Result::toString).toList();
        assertTrue(failed.isEmpty(), failed.size() + " failed:\n" + String.join("\n", failed));
    }

    /** What our SCU sends for each source: its data set bytes, an odd length padded with one null byte. */
    private static void assertSentVerbatim(List<Part10Source> files, Path folder) throws IOException {
        Map<String, Part10Source> got = received(folder);
        List<String> problems = new ArrayList<>();
        for (Part10Source s : files) {
            Part10Source r = got.get(s.sopInstanceUid());
            byte[] want = Corpus.datasetBytes(s.file());
            if ((want.length & 1) != 0) {
                want = Arrays.copyOf(want, want.length + 1); // PS3.5 A.5 (image_dfl.dcm: odd deflated stream)
            }
            if (r == null) {
                problems.add(s.file().getFileName() + ": not received");
            } else if (!r.transferSyntaxUid().equals(s.transferSyntaxUid())
                    || !Arrays.equals(want, Corpus.datasetBytes(r.file()))) {
                problems.add(s.file().getFileName() + ": received differently in " + r.transferSyntaxUid());
            }
        }
        assertEquals(files.size(), got.size(), "as many instances received as sent");
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private static List<String> command(List<Part10Source> files, String... tool) {
        List<String> cmd = new ArrayList<>(List.of(tool));
        files.forEach(s -> cmd.add(s.file().toString()));
        return cmd;
    }

    private static Process startDcmtkStorescp(Path folder, int port) throws IOException {
        return ExternalTools.start("storescp", "+xa", "+B", "-od", folder.toString(), String.valueOf(port));
    }

    /** Runs a DCMTK sender against DCMTK's bit-preserving storescp and against our SCP; both must store the same. */
    private static void compareWithDcmtkReceiver(Path dir, List<Part10Source> files, String... sender)
            throws Exception {
        Path theirs = Files.createDirectories(dir.resolve("dcmtk"));
        Path ours = Files.createDirectories(dir.resolve("ours"));
        int port = ExternalTools.freePort();
        Process scp = startDcmtkStorescp(theirs, port);
        try {
            ExternalTools.Result r = null;
            for (int attempt = 0; attempt < 50; attempt++) { // until storescp listens
                r = ExternalTools.run(120, command(files, withPort(sender, port)).toArray(String[]::new));
                if (r.exitCode() == 0 || !r.output().contains("Connection refused")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(0, r.exitCode(), r.output());
        } finally {
            scp.destroy();
            scp.waitFor();
        }
        try (TestArchive archive = new TestArchive(ours, EXECUTOR)) {
            ExternalTools.Result r = ExternalTools.run(120, command(files, withPort(sender, archive.port()))
                    .toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.output());
        }
        Map<String, Part10Source> expected = received(theirs);
        assertEquals(files.size(), expected.size(), "DCMTK storescp received every file");
        assertSameDatasets(expected, received(ours));
    }

    private static String[] withPort(String[] sender, int port) {
        String[] cmd = Arrays.copyOf(sender, sender.length + 2);
        cmd[sender.length] = "127.0.0.1";
        cmd[sender.length + 1] = String.valueOf(port);
        return cmd;
    }

    @Test
    void dcmsendToOurScpStoresWhatDcmtkStores(@TempDir Path dir) throws Exception {
        compareWithDcmtkReceiver(dir, corpus, "dcmsend", "-aec", "STRATA");
    }

    @Test
    void storescuToOurScpStoresWhatDcmtkStores(@TempDir Path dir) throws Exception {
        // DCMTK storescu proposes one family (uncompressed); send it the uncompressed files.
        List<Part10Source> uncompressed = corpus.stream()
                .filter(s -> !TransferSyntax.forUid(s.transferSyntaxUid()).isEncapsulated()).toList();
        compareWithDcmtkReceiver(dir, uncompressed, "storescu", "-R", "-aec", "STRATA");
    }

    private static AssociateRequest template() {
        AssociateRequest rq = new AssociateRequest();
        rq.setCalledAeTitle("STRATA");
        return rq;
    }

    @Test
    void ourScuToDcmtkStorescpEveryFileIdentical(@TempDir Path dir) throws Exception {
        int port = ExternalTools.freePort();
        Process scp = startDcmtkStorescp(dir, port);
        try {
            List<FileSender.Result> results = null;
            for (int attempt = 0; attempt < 50 && results == null; attempt++) {
                try {
                    results = FileSender.send("127.0.0.1", port, null, StoreInteropTest::template,
                            new AssociationOptions(), corpus, EXECUTOR);
                } catch (java.net.ConnectException e) {
                    Thread.sleep(100); // storescp still starting
                }
            }
            assertTrue(results != null, "storescp did not start");
            assertAllOk(results);
        } finally {
            scp.destroy();
            scp.waitFor();
        }
        assertSentVerbatim(corpus, dir);
    }

    @Test
    void ourScuToOurScpEveryFileIdentical(@TempDir Path dir) throws Exception {
        try (TestArchive archive = new TestArchive(dir, EXECUTOR)) {
            List<FileSender.Result> results = FileSender.send("127.0.0.1", archive.port(), null, () -> {
                AssociateRequest rq = template();
                rq.setAsyncOpsWindow(8, 1); // our SCP performs one at a time, so this stays 1; still correct
                return rq;
            }, new AssociationOptions(), corpus, EXECUTOR);
            assertAllOk(results);
        }
        assertSentVerbatim(corpus, dir);
    }
}
