package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.RoleSelection;

/**
 * C-GET and C-MOVE from the running archive with DCMTK's getscu and movescu (real peers), the remote AE registry's
 * admin REST resource, and the refusals of PS3.4 C.4.2/C.4.3 seen through the toolkit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetrieveIT {
    private static final Path CT = Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "retrieve-it");
        t.setDaemon(true);
        return t;
    });

    /** A stored study of its own patient: series A holds two explicit-VR instances, series B one in implicit VR. */
    private record Study(String patientId, String studyUid, String seriesA, String seriesB,
                         Map<String, Path> filesBySopUid) {
    }

    @Test
    void getscuRetrievesAStudyWithItsDataSetsByteIdentical(@TempDir Path dir) throws Exception {
        Study study = storeStudy(dir.resolve("sent"));
        Path received = Files.createDirectory(dir.resolve("received"));

        int exit = run(List.of("getscu", "-S", "+B", "-aet", "GETSCU", "-aec", "STRATA",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyUid(),
                "-od", received.toString(), "127.0.0.1", String.valueOf(StrataServer.DICOM_PORT)));

        assertEquals(0, exit, "getscu exit code");
        assertReceivedAsSent(study, study.filesBySopUid().keySet().stream().toList(), received);
    }

    @Test
    void getscuRetrievesOneSeriesAndOneImage(@TempDir Path dir) throws Exception {
        Study study = storeStudy(dir.resolve("sent"));
        Path series = Files.createDirectory(dir.resolve("series"));
        Path image = Files.createDirectory(dir.resolve("image"));
        String oneImage = sopUidsOf(study, study.seriesB()).get(0);

        run(List.of("getscu", "-S", "+B", "-aec", "STRATA", "-k", "QueryRetrieveLevel=SERIES",
                "-k", "StudyInstanceUID=" + study.studyUid(), "-k", "SeriesInstanceUID=" + study.seriesA(),
                "-od", series.toString(), "127.0.0.1", String.valueOf(StrataServer.DICOM_PORT)));
        run(List.of("getscu", "-S", "+B", "-aec", "STRATA", "-k", "QueryRetrieveLevel=IMAGE",
                "-k", "StudyInstanceUID=" + study.studyUid(), "-k", "SeriesInstanceUID=" + study.seriesB(),
                "-k", "SOPInstanceUID=" + oneImage,
                "-od", image.toString(), "127.0.0.1", String.valueOf(StrataServer.DICOM_PORT)));

        assertReceivedAsSent(study, sopUidsOf(study, study.seriesA()), series);
        assertReceivedAsSent(study, List.of(oneImage), image);
    }

    @Test
    void getscuRetrievesAPatientWithThePatientRootModel(@TempDir Path dir) throws Exception {
        Study study = storeStudy(dir.resolve("sent"));
        Path received = Files.createDirectory(dir.resolve("received"));

        int exit = run(List.of("getscu", "-P", "+B", "-aec", "STRATA", "-k", "QueryRetrieveLevel=PATIENT",
                "-k", "PatientID=" + study.patientId(), "-od", received.toString(), "127.0.0.1",
                String.valueOf(StrataServer.DICOM_PORT)));

        assertEquals(0, exit, "getscu exit code");
        assertReceivedAsSent(study, study.filesBySopUid().keySet().stream().toList(), received);
    }

    @Test
    void movescuSendsAStudyToARegisteredStorescpWithItsDataSetsByteIdentical(@TempDir Path dir) throws Exception {
        Study study = storeStudy(dir.resolve("sent"));
        Path received = Files.createDirectory(dir.resolve("received"));
        int port = StandaloneServer.freePort();
        String admin = StrataServer.token("admin", "admin");
        assertEquals(201, put("MOVE-DEST", "{\"host\":\"127.0.0.1\",\"port\":" + port + ",\"tls\":false}", admin)
                .statusCode());
        ProcessBuilder storescp = new ProcessBuilder("storescp", "+B", "-aet", "MOVE-DEST", "-od", received.toString(),
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        storescp.environment().put("TCP_NODELAY", "1");
        Process destination = storescp.start();
        try {
            Thread.sleep(1000); // storescp binds at once; give it a moment to listen
            run(List.of("movescu", "-S", "-aet", "MOVESCU", "-aec", "STRATA", "-aem", "MOVE-DEST",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyUid(),
                    "127.0.0.1", String.valueOf(StrataServer.DICOM_PORT)));
        } finally {
            destination.destroy();
            destination.waitFor(30, TimeUnit.SECONDS);
            delete("MOVE-DEST", admin);
        }
        assertReceivedAsSent(study, study.filesBySopUid().keySet().stream().toList(), received);
    }

    @Test
    void aMoveToAnUnregisteredDestinationIsRefusedWithA801(@TempDir Path dir) throws Exception {
        Study study = storeStudy(dir);
        DimseResponse rsp = retrieve(UIDs.StudyRootQueryRetrieveInformationModelMove, "NOWHERE", false,
                studyKeys(study.studyUid()), null);
        assertEquals(0xA801, rsp.status());
    }

    @Test
    void aGetWithoutTheScpRoleFailsEverySubOperationWithA702AndListsThem(@TempDir Path dir) throws Exception {
        Study study = storeStudy(dir);
        List<Integer> remaining = new CopyOnWriteArrayList<>();
        DimseResponse rsp = retrieve(UIDs.StudyRootQueryRetrieveInformationModelGet, null, false,
                studyKeys(study.studyUid()),
                p -> remaining.add(p.command().getInt(Command.NUMBER_OF_REMAINING_SUBOPERATIONS, -1)));
        assertEquals(0xA702, rsp.status());
        assertEquals(3, rsp.command().getInt(Command.NUMBER_OF_FAILED_SUBOPERATIONS, -1));
        assertEquals(0, rsp.command().getInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, -1));
        assertEquals(List.of(2, 1), remaining);
        assertEquals(study.filesBySopUid().keySet(), Set.of(rsp.dataset().getStrings(Tags.FailedSOPInstanceUIDList)));
    }

    @Test
    void aGetAtAnUnknownLevelOrWithoutItsKeyIsRefusedWithA900() throws Exception {
        Dataset patientLevel = new Dataset();
        patientLevel.setString(Tags.QueryRetrieveLevel, "PATIENT");
        patientLevel.setString(Tags.PatientID, "X");
        Dataset noKey = new Dataset();
        noKey.setString(Tags.QueryRetrieveLevel, "SERIES");
        noKey.setString(Tags.StudyInstanceUID, Dicom.newUid());
        for (Dataset keys : List.of(patientLevel, noKey)) {
            assertEquals(0xA900, retrieve(UIDs.StudyRootQueryRetrieveInformationModelGet, null, true, keys, null)
                    .status());
        }
    }

    @Test
    void theRemoteAeRegistryIsAdministeredOverRestByAdminsOnly() throws Exception {
        String admin = StrataServer.token("admin", "admin");
        String reader = StrataServer.token("reader", "reader");
        String body = "{\"host\":\"pacs.example\",\"port\":104,\"tls\":true}";

        assertEquals(401, put("REST-AE", body, null).statusCode());
        assertEquals(403, put("REST-AE", body, reader).statusCode());
        assertEquals(201, put("REST-AE", body, admin).statusCode());
        assertEquals(200, put("REST-AE", "{\"host\":\"pacs2.example\",\"port\":11112}", admin).statusCode());
        assertEquals(400, put("REST-AE", "{\"host\":\"pacs.example\",\"port\":70000}", admin).statusCode());
        assertEquals(400, put("WAY-TOO-LONG-AE-TITLE", body, admin).statusCode());

        HttpResponse<String> list = StrataServer.get("/strata/api/admin/remote-aes", admin);
        assertEquals(200, list.statusCode());
        var entry = StrataServer.json("{\"l\":" + list.body() + "}").getJsonArray("l").stream()
                .map(v -> v.asJsonObject()).filter(o -> o.getString("aeTitle").equals("REST-AE")).findFirst()
                .orElseThrow(() -> new AssertionError("REST-AE not listed: " + list.body()));
        assertEquals("pacs2.example", entry.getString("host"));
        assertEquals(11112, entry.getInt("port"));
        assertEquals(false, entry.getBoolean("tls"));

        assertEquals(204, delete("REST-AE", admin).statusCode());
        assertEquals(404, delete("REST-AE", admin).statusCode());
    }

    // ------------------------------------------------------------------ helpers

    /** Stores a new three-instance study through C-STORE; instance 3 (series B) is stored in implicit VR. */
    private static Study storeStudy(Path dir) throws IOException {
        Files.createDirectories(dir);
        String patientId = "RIT-" + UUID.randomUUID().toString().substring(0, 8);
        String studyUid = Dicom.newUid();
        String seriesA = Dicom.newUid();
        String seriesB = Dicom.newUid();
        Map<String, Path> files = new HashMap<>();
        String[][] plan = {{seriesA, UIDs.ExplicitVRLittleEndian}, {seriesA, UIDs.ExplicitVRLittleEndian},
            {seriesB, UIDs.ImplicitVRLittleEndian}};
        for (String[] instance : plan) {
            DicomFile ct = Part10.read(CT);
            String sopUid = Dicom.newUid();
            ct.dataset().setString(Tags.PatientID, patientId);
            ct.dataset().setString(Tags.StudyInstanceUID, studyUid);
            ct.dataset().setString(Tags.SeriesInstanceUID, instance[0]);
            ct.dataset().setString(Tags.SOPInstanceUID, sopUid);
            Path file = dir.resolve(sopUid + ".dcm");
            Part10.write(file, FileMetaInformation.create(ct.meta().mediaStorageSopClassUid(), sopUid, instance[1]),
                    ct.dataset());
            files.put(sopUid, file);
        }
        for (FileSender.Result r : Dicom.send(StrataServer.DICOM_PORT, "RETRIEVE-IT", files.values()
                .toArray(Path[]::new))) {
            assertTrue(r.ok(), "not stored: " + r);
        }
        return new Study(patientId, studyUid, seriesA, seriesB, files);
    }

    private static List<String> sopUidsOf(Study study, String seriesUid) throws IOException {
        List<String> uids = new ArrayList<>();
        for (Map.Entry<String, Path> e : study.filesBySopUid().entrySet()) {
            if (seriesUid.equals(Part10.read(e.getValue()).dataset().getString(Tags.SeriesInstanceUID))) {
                uids.add(e.getKey());
            }
        }
        return uids;
    }

    /**
     * Exactly the expected instances arrived. An instance arriving in its stored transfer syntax has the sent data
     * set bytes; one the archive converted (implicit to explicit VR) has the same elements.
     */
    private static void assertReceivedAsSent(Study study, List<String> expectedSopUids, Path received)
            throws IOException {
        Map<String, Path> got = new HashMap<>();
        try (Stream<Path> files = Files.list(received)) {
            for (Path f : files.toList()) {
                got.put(Part10Source.open(f).sopInstanceUid(), f);
            }
        }
        assertEquals(Set.copyOf(expectedSopUids), got.keySet(), "instances received");
        for (String uid : expectedSopUids) {
            Path sent = study.filesBySopUid().get(uid);
            Path arrived = got.get(uid);
            if (Part10Source.open(sent).transferSyntaxUid().equals(Part10Source.open(arrived).transferSyntaxUid())) {
                assertArrayEquals(Dicom.datasetBytes(sent), Dicom.datasetBytes(arrived), "data set of " + uid);
            } else {
                assertEquals(Part10.read(sent).dataset(), Part10.read(arrived).dataset(), "elements of " + uid);
            }
        }
    }

    private static Dataset studyKeys(String studyUid) {
        Dataset keys = new Dataset();
        keys.setString(Tags.QueryRetrieveLevel, "STUDY");
        keys.setString(Tags.StudyInstanceUID, studyUid);
        return keys;
    }

    /**
     * One C-GET (moveDestination null) or C-MOVE on a new association that proposes the retrieve model and CT
     * storage, taking the SCP role for CT or not.
     */
    private static DimseResponse retrieve(String model, String moveDestination, boolean scpRole, Dataset keys,
                                          Consumer<DimseResponse> onPending) throws IOException {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("RETRIEVE-IT");
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(model, UIDs.ExplicitVRLittleEndian);
        rq.addPresentationContext(UIDs.CTImageStorage, UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian);
        if (scpRole) {
            rq.roleSelections().add(new RoleSelection(UIDs.CTImageStorage, false, true));
        }
        DimseChannel ch = DimseChannel.open("127.0.0.1", StrataServer.DICOM_PORT, null, rq, new AssociationOptions(),
                new DimseServices(), EXECUTOR);
        try {
            int pc = ch.requireContext(model, null);
            return DimseChannel.await(moveDestination == null ? ch.get(pc, model, keys, onPending)
                    : ch.move(pc, model, moveDestination, keys, onPending));
        } finally {
            ch.release();
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TCP_NODELAY", "1"); // else DCMTK waits ~50 ms per message
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command.get(0) + " did not finish");
        return p.exitValue();
    }

    private static HttpResponse<String> put(String aeTitle, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder rq = HttpRequest.newBuilder(StrataServer.uri("/strata/api/admin/remote-aes/" + aeTitle))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            rq.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(rq.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(String aeTitle, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(StrataServer.uri("/strata/api/admin/remote-aes/" + aeTitle))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }
}
