package org.strata.dicom.net.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.CommandField;
import org.strata.dicom.dimse.Corpus;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.dimse.TestArchive;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.DicomServer;
import org.strata.dicom.net.ExternalTools;

/** The network commands run in-process through the dispatcher, against our SCPs and DCMTK. */
class NetToolsTest {
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
    @TempDir
    static Path dir;
    private static Path source;
    private static List<Part10Source> files;

    @BeforeAll
    static void someFiles() throws Exception {
        source = Files.createDirectories(dir.resolve("source"));
        java.util.Set<String> instances = new java.util.HashSet<>();
        files = Corpus.storageFiles().stream()
                .filter(s -> s.file().getFileName().toString().matches("(CT|MR)_small.dcm|ExplVR_BigEnd.dcm|JPEG2000.dcm"))
                .filter(s -> instances.add(s.sopInstanceUid()))
                .toList();
        assertEquals(4, files.size(), files.stream().map(f -> f.file().getFileName().toString()).toList().toString());
        for (Part10Source f : files) {
            Files.copy(f.file(), source.resolve(f.file().getFileName()));
        }
        Files.writeString(source.resolve("notes.txt"), "not DICOM");
    }

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    private static Path fresh(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name + System.nanoTime()));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).count();
        }
    }

    @Test
    void echoscuSuccessAndErrors() throws Exception {
        try (TestArchive archive = new TestArchive(fresh("echo"), EXECUTOR)) {
            InProcess.Run ok = InProcess.run("echoscu", "--aec", "STRATA", "--repeat", "2", "127.0.0.1", String.valueOf(archive.port()));
            assertEquals(0, ok.exit(), ok.err());
            assertEquals(2, ok.out().split("Success").length - 1, ok.out());
            InProcess.Run rejected = InProcess.run("echoscu", "--aec", "WRONG", "127.0.0.1", String.valueOf(archive.port()));
            assertEquals(1, rejected.exit());
            assertTrue(rejected.err().contains("rejected"), rejected.err());
        }
        assertEquals(2, InProcess.run("echoscu", "127.0.0.1", "notaport").exit());
        assertEquals(2, InProcess.run("echoscu", "127.0.0.1").exit());
        InProcess.Run refused = InProcess.run("echoscu", "127.0.0.1", String.valueOf(ExternalTools.freePort()));
        assertEquals(2, refused.exit());
        assertEquals(1, refused.err().lines().count(), "one clear line: " + refused.err());
    }

    @Test
    void storescuSendsFolderAndReportsSkippedFiles() throws Exception {
        Path received = fresh("stored");
        try (TestArchive archive = new TestArchive(received, EXECUTOR)) {
            InProcess.Run r = InProcess.run("storescu", "--aec", "STRATA", "127.0.0.1", String.valueOf(archive.port()), source.toString());
            assertEquals(1, r.exit(), "a non-DICOM file was skipped: " + r.out() + r.err());
            assertTrue(r.out().contains("stored 4 of 4 files, 0 failed, 1 skipped"), r.out());
        }
        for (Part10Source f : files) {
            assertArrayEquals(Corpus.datasetBytes(f.file()),
                    Corpus.datasetBytes(received.resolve(f.sopInstanceUid() + ".dcm")));
        }
    }

    @Test
    void storescpReceivesFromDcmtkStorescu() throws Exception {
        Path received = fresh("storescp");
        int port = ExternalTools.freePort();
        Future<InProcess.Run> scp = EXECUTOR.submit(() -> InProcess.run("storescp", "--dir", received.toString(), "--exit-after", "1",
                "--bind", "127.0.0.1", String.valueOf(port)));
        List<Part10Source> uncompressed = files.stream().filter(f -> !f.file().toString().contains("JPEG")).toList();
        ExternalTools.Result r = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            String[] cmd = Stream.concat(Stream.of("storescu", "-R", "127.0.0.1", String.valueOf(port)),
                    uncompressed.stream().map(f -> f.file().toString())).toArray(String[]::new);
            r = ExternalTools.run(60, cmd);
            if (r.exitCode() == 0 || !r.output().contains("Connection refused")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(0, scp.get(20, TimeUnit.SECONDS).exit());
        assertEquals(uncompressed.size(), count(received));
        for (Part10Source f : uncompressed) {
            Dataset got = org.strata.dicom.io.Part10.read(received.resolve(f.sopInstanceUid() + ".dcm")).dataset();
            assertEquals(f.sopInstanceUid(), got.getString(Tags.SOPInstanceUID));
        }
    }

    private static TestArchive archiveWithFiles() throws IOException {
        Path folder = fresh("archive");
        for (Part10Source f : files) {
            Files.copy(f.file(), folder.resolve(f.sopInstanceUid() + ".dcm"));
        }
        return new TestArchive(folder, EXECUTOR);
    }

    @Test
    void findscuMoveScuGetscu() throws Exception {
        String studyUid = org.strata.dicom.io.Part10.readHeader(files.get(0).file()).dataset()
                .getString(Tags.StudyInstanceUID);
        try (TestArchive archive = archiveWithFiles()) {
            String port = String.valueOf(archive.port());
            InProcess.Run find = InProcess.run("findscu", "--aec", "STRATA", "127.0.0.1", port, "-k", "QueryRetrieveLevel=IMAGE",
                    "-k", "SOPInstanceUID", "-k", "PatientName");
            assertEquals(0, find.exit(), find.err());
            assertTrue(find.out().contains("C-FIND done: 4 matches, Success"), find.out());

            Path got = fresh("got");
            InProcess.Run get = InProcess.run("getscu", "--aec", "STRATA", "--dir", got.toString(), "127.0.0.1", port,
                    "-k", "StudyInstanceUID=" + studyUid);
            assertEquals(0, get.exit(), get.out() + get.err());
            assertTrue(count(got) >= 1, get.out());

            Path moved = fresh("moved");
            try (DicomServer dest = storageServer(moved)) {
                archive.destinations.put("DEST", new InetSocketAddress("127.0.0.1", dest.port()));
                InProcess.Run move = InProcess.run("movescu", "--aec", "STRATA", "--dest", "DEST", "127.0.0.1", port,
                        "-k", "StudyInstanceUID=" + studyUid);
                assertEquals(0, move.exit(), move.out() + move.err());
                assertTrue(move.out().contains("C-MOVE done: Success"), move.out());
                InProcess.Run unknown = InProcess.run("movescu", "--aec", "STRATA", "--dest", "NOWHERE", "127.0.0.1", port,
                        "-k", "StudyInstanceUID=" + studyUid);
                assertEquals(1, unknown.exit());
                assertTrue(unknown.out().contains("0xA801"), unknown.out());
            }
            assertEquals(count(got), count(moved), "C-GET and C-MOVE retrieved the same study");
        }
    }

    private static DicomServer storageServer(Path folder) throws IOException {
        DicomServer s = new DicomServer(new AcceptPolicy().acceptFamily(AcceptPolicy.STORAGE_CLASSES,
                AcceptPolicy.ANY_TRANSFER_SYNTAX), new DimseServices().registerFamily(AcceptPolicy.STORAGE_CLASSES,
                new org.strata.dicom.dimse.FolderStorage(folder, false, null)).handlers(EXECUTOR), EXECUTOR);
        s.start(new InetSocketAddress("127.0.0.1", 0));
        return s;
    }

    /**
     * A storage commitment SCP: commits instances it "has" (those in {@code have}); reports on the same
     * association, or on a new one to {@code reportPort} when it is not 0.
     */
    private static DicomServer commitmentScp(List<String> have, int reportPort) throws IOException {
        DimseServices services = new DimseServices().register(UIDs.StorageCommitmentPushModel, rq -> {
            Dataset action = rq.dataset();
            rq.respond(Status.SUCCESS);
            Dataset report = new Dataset();
            report.setString(Tags.TransactionUID, VR.UI, action.getString(Tags.TransactionUID));
            Sequence ok = report.newSequence(Tags.ReferencedSOPSequence);
            Sequence failed = report.newSequence(Tags.FailedSOPSequence);
            for (Dataset ref : action.getSequence(Tags.ReferencedSOPSequence)) {
                Dataset item = (have.contains(ref.getString(Tags.ReferencedSOPInstanceUID)) ? ok : failed).addItem();
                item.setString(Tags.ReferencedSOPClassUID, VR.UI, ref.getString(Tags.ReferencedSOPClassUID));
                item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, ref.getString(Tags.ReferencedSOPInstanceUID));
                if (failed.contains(item)) {
                    item.setInt(Tags.FailureReason, VR.US, 0x0112);
                }
            }
            int event = failed.isEmpty() ? 1 : 2;
            if (reportPort == 0) {
                DimseChannel.await(rq.channel().eventReport(rq.presentationContextId(),
                        UIDs.StorageCommitmentPushModel, UIDs.StorageCommitmentPushModelInstance, event, report));
            } else {
                AssociateRequest arq = new AssociateRequest();
                arq.addPresentationContext(UIDs.StorageCommitmentPushModel, UIDs.ExplicitVRLittleEndian);
                arq.roleSelections().add(new org.strata.dicom.net.RoleSelection(UIDs.StorageCommitmentPushModel,
                        false, true));
                DimseChannel back = DimseChannel.open("127.0.0.1", reportPort, null, arq, new AssociationOptions(),
                        new DimseServices(), EXECUTOR);
                DimseChannel.await(back.eventReport(1, UIDs.StorageCommitmentPushModel,
                        UIDs.StorageCommitmentPushModelInstance, event, report));
                back.release();
            }
        });
        DicomServer s = new DicomServer(new AcceptPolicy().accept(UIDs.StorageCommitmentPushModel,
                UIDs.ExplicitVRLittleEndian), services.handlers(EXECUTOR), EXECUTOR);
        s.start(new InetSocketAddress("127.0.0.1", 0));
        return s;
    }

    @Test
    void commitscuOnSameAssociation() throws Exception {
        List<String> all = files.stream().map(Part10Source::sopInstanceUid).toList();
        try (DicomServer scp = commitmentScp(all, 0)) {
            InProcess.Run r = InProcess.run("commitscu", "--wait", "10", "127.0.0.1", String.valueOf(scp.port()), source.toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("committed 4 of 4 instances"), r.out());
        }
    }

    @Test
    void commitscuReportOnNewAssociationWithFailures() throws Exception {
        int reportPort = ExternalTools.freePort();
        List<String> some = List.of(files.get(0).sopInstanceUid());
        try (DicomServer scp = commitmentScp(some, reportPort)) {
            InProcess.Run r = InProcess.run("commitscu", "--wait", "10", "--port", String.valueOf(reportPort), "127.0.0.1",
                    String.valueOf(scp.port()), source.toString());
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("committed 1 of 4 instances"), r.out());
            assertEquals(3, r.out().split("reason 0x112").length - 1, r.out());
        }
    }

    @Test
    void mppsscuCreatesThenCompletes() throws Exception {
        Map<String, String> states = new ConcurrentHashMap<>();
        Map<String, Dataset> sent = new ConcurrentHashMap<>();
        DimseServices services = new DimseServices().register(UIDs.ModalityPerformedProcedureStep, rq -> {
            String uid = rq.command().sopInstanceUid();
            String status = rq.dataset().getString(Tags.PerformedProcedureStepStatus);
            boolean create = rq.command().commandField() == CommandField.N_CREATE_RQ;
            if (create == states.containsKey(uid)) {
                rq.respondError(create ? Status.DUPLICATE_SOP_INSTANCE : Status.NO_SUCH_SOP_INSTANCE, uid);
                return;
            }
            states.put(uid, status);
            sent.put((create ? "create " : "set ") + uid, rq.dataset());
            rq.respond(Status.SUCCESS);
        });
        try (DicomServer scp = new DicomServer(new AcceptPolicy().accept(UIDs.ModalityPerformedProcedureStep,
                UIDs.ExplicitVRLittleEndian), services.handlers(EXECUTOR), EXECUTOR)) {
            scp.start(new InetSocketAddress("127.0.0.1", 0));
            String port = String.valueOf(scp.port());
            InProcess.Run create = InProcess.run("mppsscu", "--create", "--uid", "1.2.3.4.5", "127.0.0.1", port,
                    "-k", "PerformedProcedureStepID=PPS1");
            assertEquals(0, create.exit(), create.out() + create.err());
            assertEquals("IN PROGRESS", states.get("1.2.3.4.5"));
            Dataset created = sent.get("create 1.2.3.4.5");
            assertEquals("PPS1", created.getString(Tags.PerformedProcedureStepID), "given keys are kept");
            assertEquals("STRATA-SCU", created.getString(Tags.PerformedStationAETitle));
            assertEquals("OT", created.getString(Tags.Modality));
            assertEquals(8, created.getString(Tags.PerformedProcedureStepStartDate).length());
            assertTrue(created.getString(Tags.PerformedProcedureStepStartTime).length() >= 6);
            assertTrue(created.getSequence(Tags.ScheduledStepAttributesSequence).get(0)
                    .getString(Tags.StudyInstanceUID).startsWith("2.25."));
            InProcess.Run set = InProcess.run("mppsscu", "--set", "1.2.3.4.5", "127.0.0.1", port,
                    "-k", "PerformedProcedureStepStatus=COMPLETED");
            assertEquals(0, set.exit(), set.out() + set.err());
            assertEquals("COMPLETED", states.get("1.2.3.4.5"));
            assertEquals(created.getString(Tags.PerformedProcedureStepStartDate).length(),
                    sent.get("set 1.2.3.4.5").getString(Tags.PerformedProcedureStepEndDate).length(),
                    "a final status comes with its end date");
            assertTrue(sent.get("set 1.2.3.4.5").contains(Tags.PerformedProcedureStepEndTime));
            InProcess.Run unknown = InProcess.run("mppsscu", "--set", "9.9.9", "127.0.0.1", port, "-k", "PerformedProcedureStepStatus=DISCONTINUED");
            assertEquals(1, unknown.exit());
            assertTrue(unknown.out().contains("0x0112"), unknown.out());
        }
        assertEquals(2, InProcess.run("mppsscu", "127.0.0.1", "104").exit(), "neither --create nor --set");
    }
}
