package org.strata.dicom.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.DicomServer;
import org.strata.dicom.net.ExternalTools;
import org.strata.dicom.net.RoleSelection;

/**
 * C-FIND, C-MOVE and C-GET: DCMTK findscu/movescu/getscu against our test archive, and our SCU against DCMTK
 * dcmqrscp, over the uncompressed CT and MR files of pydicom's test data.
 */
class QueryRetrieveInteropTest {
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
    @TempDir
    static Path dir;
    private static Path stored;
    /** Instance UID to source file, and study UID to its instance UIDs. */
    private static final Map<String, Path> FILES = new TreeMap<>();
    private static final Map<String, Set<String>> STUDIES = new TreeMap<>();
    private static String bigStudy;

    @BeforeAll
    static void fillArchive() throws Exception {
        stored = Files.createDirectories(dir.resolve("archive"));
        for (Part10Source s : Corpus.storageFiles()) {
            boolean ctOrMr = s.sopClassUid().equals(UIDs.CTImageStorage) || s.sopClassUid().equals(UIDs.MRImageStorage);
            if (ctOrMr && !TransferSyntax.forUid(s.transferSyntaxUid()).isEncapsulated()
                    && !FILES.containsKey(s.sopInstanceUid())) {
                FILES.put(s.sopInstanceUid(), s.file());
                Files.copy(s.file(), stored.resolve(s.sopInstanceUid() + ".dcm"));
                String study = Part10.readHeader(s.file()).dataset().getString(Tags.StudyInstanceUID);
                STUDIES.computeIfAbsent(study, k -> new HashSet<>()).add(s.sopInstanceUid());
            }
        }
        bigStudy = STUDIES.entrySet().stream().max((a, b) -> a.getValue().size() - b.getValue().size())
                .orElseThrow().getKey();
        assertTrue(STUDIES.get(bigStudy).size() > 5, "a study with several instances to retrieve");
    }

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    /** Received files by instance UID; each must hold the source's data set (same syntax, same bytes). */
    private static void assertRetrievedStudy(Path folder) throws IOException {
        Map<String, Path> got = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                got.put(Part10Source.open(f).sopInstanceUid(), f);
            }
        }
        assertEquals(STUDIES.get(bigStudy), got.keySet(), "exactly the study's instances");
        for (Map.Entry<String, Path> e : got.entrySet()) {
            assertArrayEquals(Corpus.datasetBytes(FILES.get(e.getKey())), Corpus.datasetBytes(e.getValue()),
                    e.getKey());
        }
    }

    private static String[] keys(String... tool) {
        List<String> cmd = new ArrayList<>(List.of(tool));
        cmd.addAll(List.of("-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + bigStudy));
        return cmd.toArray(String[]::new);
    }

    // ------------------------------------------------------------ DCMTK SCUs against our SCP

    @Test
    void dcmtkFindscuFindsEveryStudy(@TempDir Path out) throws Exception {
        try (TestArchive archive = new TestArchive(stored, EXECUTOR)) {
            ExternalTools.Result r = ExternalTools.run(60, "findscu", "-S", "-aec", "STRATA", "-X", "-od",
                    out.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "-k", "PatientName",
                    "127.0.0.1", String.valueOf(archive.port()));
            assertEquals(0, r.exitCode(), r.output());
            Set<String> found = new HashSet<>();
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.toList()) {
                    found.add(Part10.read(f).dataset().getString(Tags.StudyInstanceUID));
                }
            }
            assertEquals(STUDIES.keySet(), found);
        }
    }

    @Test
    void dcmtkGetscuRetrievesStudyOnSameAssociation(@TempDir Path out) throws Exception {
        try (TestArchive archive = new TestArchive(stored, EXECUTOR)) {
            ExternalTools.Result r = ExternalTools.run(60, keys("getscu", "-S", "-aec", "STRATA", "+B", "-od",
                    out.toString(), "127.0.0.1", String.valueOf(archive.port())));
            assertEquals(0, r.exitCode(), r.output());
            assertRetrievedStudy(out);
        }
    }

    @Test
    void dcmtkMovescuRetrievesStudyToItself(@TempDir Path out) throws Exception {
        int movePort = ExternalTools.freePort();
        try (TestArchive archive = new TestArchive(stored, EXECUTOR)) {
            archive.destinations.put("MOVESCU", new InetSocketAddress("127.0.0.1", movePort));
            ExternalTools.Result r = ExternalTools.run(60, keys("movescu", "-S", "-aec", "STRATA", "-aet", "MOVESCU",
                    "-aem", "MOVESCU", "+P", String.valueOf(movePort), "+xa", "-od", out.toString(),
                    "127.0.0.1", String.valueOf(archive.port())));
            assertEquals(0, r.exitCode(), r.output());
            // movescu re-encodes what it receives; compare parsed data sets.
            Map<String, Dataset> got = new TreeMap<>();
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Dataset ds = Part10.read(f).dataset();
                    got.put(ds.getString(Tags.SOPInstanceUID), ds);
                }
            }
            assertEquals(STUDIES.get(bigStudy), got.keySet());
            for (Map.Entry<String, Dataset> e : got.entrySet()) {
                assertEquals(Part10.read(FILES.get(e.getKey())).dataset(), e.getValue(), e.getKey());
            }
        }
    }

    // ------------------------------------------------------------ our SCU against DCMTK dcmqrscp

    @Test
    void ourFindMoveGetAgainstDcmqrscp(@TempDir Path work) throws Exception {
        Path db = Files.createDirectories(work.resolve("db"));
        Path moved = Files.createDirectories(work.resolve("moved"));
        Path got = Files.createDirectories(work.resolve("got"));
        int qrPort = ExternalTools.freePort();
        // Our storage SCP, the C-MOVE destination.
        DicomServer dest = new DicomServer(new AcceptPolicy().acceptFamily(AcceptPolicy.STORAGE_CLASSES,
                AcceptPolicy.ANY_TRANSFER_SYNTAX), new DimseServices().registerFamily(AcceptPolicy.STORAGE_CLASSES,
                new FolderStorage(moved, false, null)).handlers(EXECUTOR), EXECUTOR);
        dest.start(new InetSocketAddress("127.0.0.1", 0));
        Path config = work.resolve("dcmqrscp.cfg");
        Files.writeString(config, String.join("\n",
                "NetworkTCPPort = " + qrPort,
                "MaxPDUSize = 16384",
                "MaxAssociations = 16",
                "HostTable BEGIN",
                "strata = (STRATA, 127.0.0.1, " + dest.port() + ")",
                "HostTable END",
                "VendorTable BEGIN",
                "VendorTable END",
                "AETable BEGIN",
                "QRSCP " + db + " RW (200, 1024mb) ANY",
                "AETable END", ""));
        List<String> index = new ArrayList<>(List.of("dcmqridx", db.toString()));
        FILES.values().forEach(p -> index.add(p.toString()));
        assertEquals(0, ExternalTools.run(60, index.toArray(String[]::new)).exitCode());
        Process qr = ExternalTools.start("dcmqrscp", "-c", config.toString(), "--single-process");
        try {
            AssociateRequest rq = new AssociateRequest();
            rq.setCallingAeTitle("STRATA");
            rq.setCalledAeTitle("QRSCP");
            rq.addPresentationContext(UIDs.StudyRootQueryRetrieveInformationModelFind, UIDs.ExplicitVRLittleEndian);
            rq.addPresentationContext(UIDs.StudyRootQueryRetrieveInformationModelMove, UIDs.ExplicitVRLittleEndian);
            rq.addPresentationContext(UIDs.StudyRootQueryRetrieveInformationModelGet, UIDs.ExplicitVRLittleEndian);
            for (String cuid : List.of(UIDs.CTImageStorage, UIDs.MRImageStorage)) {
                // C-GET: we take the SCP role for storage on this association.
                rq.addPresentationContext(cuid, UIDs.ExplicitVRLittleEndian, UIDs.ExplicitVRBigEndian,
                        UIDs.ImplicitVRLittleEndian);
                rq.roleSelections().add(new RoleSelection(cuid, false, true));
            }
            DimseServices mine = new DimseServices().registerFamily(AcceptPolicy.STORAGE_CLASSES,
                    new FolderStorage(got, false, null));
            DimseChannel ch = null;
            for (int attempt = 0; attempt < 50 && ch == null; attempt++) {
                try {
                    ch = DimseChannel.open("127.0.0.1", qrPort, null, rq, new AssociationOptions(), mine, EXECUTOR);
                } catch (java.net.ConnectException e) {
                    Thread.sleep(100); // dcmqrscp still starting
                }
            }
            assertTrue(ch != null, "dcmqrscp did not start");

            Dataset keys = new Dataset();
            keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setString(Tags.StudyInstanceUID, VR.UI);
            Set<String> found = new HashSet<>();
            DimseResponse done = DimseChannel.await(ch.find(1, UIDs.StudyRootQueryRetrieveInformationModelFind, keys,
                    match -> {
                        try {
                            found.add(match.dataset().getString(Tags.StudyInstanceUID));
                        } catch (IOException e) {
                            found.add("unparsable: " + e.getMessage());
                        }
                    }));
            assertEquals(Status.SUCCESS, done.status());
            assertEquals(STUDIES.keySet(), found);

            Dataset study = new Dataset();
            study.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
            study.setString(Tags.StudyInstanceUID, VR.UI, bigStudy);
            DimseResponse moveDone = DimseChannel.await(ch.move(3, UIDs.StudyRootQueryRetrieveInformationModelMove,
                    "STRATA", study, null));
            assertEquals(Status.SUCCESS, moveDone.status(), moveDone.toString());
            assertEquals(STUDIES.get(bigStudy).size(), moveDone.command().getInt(
                    Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, -1));

            DimseResponse getDone = DimseChannel.await(ch.get(5, UIDs.StudyRootQueryRetrieveInformationModelGet,
                    study, null));
            assertEquals(Status.SUCCESS, getDone.status(), getDone.toString());
            ch.release();
            // dcmqrscp keeps files as it received them (dcmqridx copies nothing: it indexes the originals).
            assertRetrievedStudy(moved);
            assertRetrievedStudy(got);
        } finally {
            qr.destroy();
            qr.waitFor();
            dest.close();
        }
    }
}
