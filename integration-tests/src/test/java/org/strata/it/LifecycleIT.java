package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.net.tool.CommitScu;

/**
 * The storage lifecycle against a real S3-compatible server (S3Proxy) as the cold tier, with a folder hot tier and two
 * storage systems whose settings cannot work: with the age set to 0 a run moves every study to the bucket and empties
 * hot; C-GET and C-MOVE (DCMTK) and WADO-RS read byte-identical objects from cold; a byte flipped in the bucket is found by the
 * scrub and by Storage Commitment and is not served; a hot tier at its reserve refuses C-STORE with A700 while reads
 * from cold go on; with recall-on-read a read brings the study back to hot, and the next run moves it to cold again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {
    private static final String NAME = "lifecycle";
    private static final String LIFECYCLE = "/strata/api/admin/lifecycle";
    private static final String SCRUB = "/strata/api/admin/scrub";
    private static final int STUDIES = 2;
    private static final int PER_STUDY = 3;

    @TempDir
    static Path dir;
    private static S3Proxy s3;
    private static StandaloneServer server;
    private static Map<String, String> settings;
    private static List<Path> sent;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3Proxy.start(NAME + "-s3");
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file");
        settings = new HashMap<>(s3.settings("cold", S3Proxy.SECRET_KEY));
        settings.putAll(s3.settings("wrongkey", "not-the-secret"));
        settings.putAll(Map.of(
                "strata.storage.systems", "hot,cold,wrongkey,nofolder",
                "strata.storage.nofolder.path", notAFolder.resolve("cold").toString(),
                "strata.lifecycle.age-days", "0",
                "strata.oidc.provider-url", "http://127.0.0.1:" + StrataServer.KEYCLOAK_PORT + "/realms/strata"));
        server = StandaloneServer.start(NAME, settings);
        server.awaitBoot();
        assertEquals(200, server.healthStatus());
        sent = Tiers.studies(dir.resolve("sent"), STUDIES, PER_STUDY);
        Tiers.store(server, sent);
        admin = StrataServer.token("admin", "admin");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void storageSystemsThatCannotWorkAreReportedByNameAtStartAndOnHealthWhileTheOthersServe() throws Exception {
        HttpResponse<String> rsp = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri("/strata/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rsp.statusCode(), rsp.body());
        Map<String, JsonObject> storage = StrataServer.json(rsp.body()).getJsonArray("storage")
                .getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(s -> s.getString("id"), s -> s));
        assertEquals("ok", storage.get("hot").getString("state"), storage.toString());
        assertEquals("ok", storage.get("cold").getString("state"), storage.toString());
        assertEquals("s3", storage.get("cold").getString("kind"));
        assertEquals("error", storage.get("wrongkey").getString("state"));
        assertTrue(storage.get("wrongkey").getString("problem").contains("403"), storage.toString());
        assertEquals("error", storage.get("nofolder").getString("state"));
        assertTrue(storage.get("nofolder").getString("problem").contains("not-a-folder"), storage.toString());
        String log = Files.readString(server.dataDir().resolveSibling("console.log"));
        assertTrue(log.contains("storage system 'wrongkey' cannot work"), "no start-up report of wrongkey");
        assertTrue(log.contains("storage system 'nofolder' cannot work"), "no start-up report of nofolder");
    }

    @Test
    @Order(2)
    void aRunWithAgeZeroMovesEveryStudyToTheBucketEmptiesHotAndASecondRunMovesNothing() throws Exception {
        assertEquals(STUDIES * PER_STUDY, Tiers.objects(server.hotTier()).size());

        JsonObject run = Tiers.awaitRun(server, LIFECYCLE, admin,
                Tiers.startRun(server, LIFECYCLE + "/runs", admin).getJsonNumber("id").longValue());

        assertEquals("DONE", run.getString("state"), run.toString());
        assertEquals(STUDIES, run.getInt("studies"), run.toString());
        assertEquals(STUDIES * PER_STUDY, run.getInt("objects"), run.toString());
        assertEquals(0, run.getInt("failures"), run.toString());
        long bytes = 0;
        for (Path f : sent) {
            bytes += Files.size(s3.objectFile(Tiers.storagePath(f)));
        }
        assertEquals(bytes, run.getJsonNumber("bytes").longValue());
        assertEquals(List.of(), Tiers.objects(server.hotTier()), "hot tier after the run");
        assertEquals(STUDIES * PER_STUDY, s3.objectFiles().size(), s3.objectFiles().toString());

        JsonObject again = Tiers.awaitRun(server, LIFECYCLE, admin,
                Tiers.startRun(server, LIFECYCLE + "/runs", admin).getJsonNumber("id").longValue());
        assertEquals("DONE", again.getString("state"), again.toString());
        assertEquals(0, again.getInt("objects"), again.toString());
        assertEquals(STUDIES * PER_STUDY, s3.objectFiles().size());
    }

    @Test
    @Order(3)
    void cGetAndCMoveReadByteIdenticalObjectsFromTheBucket() throws Exception {
        Path got = Files.createDirectories(dir.resolve("got"));
        assertEquals(0, Tiers.dcmtk(dir.resolve("getscu.log"), "getscu", "-S", "+B", "-aec", "STRATA",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid(0), "-od", got.toString(),
                "127.0.0.1", String.valueOf(server.dicomPort())), "getscu exit code");
        Tiers.assertReceivedAsSent(study(0), got);

        Path moved = Files.createDirectories(dir.resolve("moved"));
        int port = StandaloneServer.freePort();
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.uri("/strata/api/admin/remote-aes/MOVE-DEST")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"host\":\"127.0.0.1\",\"port\":" + port + ",\"tls\":false}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, registered.statusCode(), registered.body());
        ProcessBuilder storescp = new ProcessBuilder("storescp", "+B", "-aet", "MOVE-DEST", "-od", moved.toString(),
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        storescp.environment().put("TCP_NODELAY", "1");
        Process destination = storescp.start();
        try {
            Thread.sleep(1000); // storescp binds at once; give it a moment to listen
            assertEquals(0, Tiers.dcmtk(dir.resolve("movescu.log"), "movescu", "-S", "-aec", "STRATA",
                    "-aem", "MOVE-DEST", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid(1),
                    "127.0.0.1", String.valueOf(server.dicomPort())), "movescu exit code");
        } finally {
            destination.destroy();
            destination.waitFor();
        }
        Tiers.assertReceivedAsSent(study(1), moved);

        HttpResponse<byte[]> wado = Tiers.wadoStudy(server, studyUid(0));
        assertEquals(200, wado.statusCode());
        for (Path f : study(0)) {
            assertTrue(Tiers.contains(wado.body(), Files.readAllBytes(s3.objectFile(Tiers.storagePath(f)))),
                    "WADO-RS lacks the stored object of " + f);
            assertTrue(Tiers.contains(wado.body(), Dicom.datasetBytes(f)), "WADO-RS lacks the data set of " + f);
        }
        assertEquals(List.of(), Tiers.objects(server.hotTier()), "reads from cold must not recall (setting off)");
    }

    @Test
    @Order(4)
    void aByteFlippedInTheBucketIsFoundByTheScrubAndByStorageCommitmentAndIsNotServed() throws Exception {
        Path damaged = study(0).get(0);
        Path object = s3.objectFile(Tiers.storagePath(damaged));
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length - 1] ^= (byte) 0xFF;
        Files.write(object, bytes);
        String uid = Part10Source.open(damaged).sopInstanceUid();

        JsonObject run = Tiers.awaitRun(server, SCRUB, admin,
                Tiers.startRun(server, SCRUB + "/runs", admin).getJsonNumber("id").longValue());
        assertEquals("DONE", run.getString("state"), run.toString());
        assertEquals(STUDIES * PER_STUDY, run.getInt("objects"), run.toString());
        assertEquals(1, run.getInt("failures"), run.toString());
        List<JsonObject> problems = Tiers.status(server, SCRUB, admin).getJsonArray("problems")
                .getValuesAs(JsonObject.class);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(uid, problems.get(0).getString("sopInstanceUid"));
        assertEquals("cold", problems.get(0).getString("storageId"));
        assertEquals("SHA-256 differs from the index", problems.get(0).getString("problem"));

        List<String> argv = new ArrayList<>(List.of("--aec", "STRATA", "--wait", "30", "127.0.0.1",
                String.valueOf(server.dicomPort())));
        study(0).forEach(f -> argv.add(f.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommitScu().run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, exit, lines.toString());
        assertEquals(List.of("failed: " + uid + " reason 0x110"),
                lines.stream().filter(l -> l.startsWith("failed: ")).toList());
        assertTrue(lines.contains("committed " + (PER_STUDY - 1) + " of " + PER_STUDY + " instances"),
                lines.toString());

        Path got = Files.createDirectories(dir.resolve("got-damaged"));
        Tiers.dcmtk(dir.resolve("getscu-damaged.log"), "getscu", "-S", "+B", "-aec", "STRATA",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid(0), "-od", got.toString(),
                "127.0.0.1", String.valueOf(server.dicomPort()));
        Tiers.assertReceivedAsSent(study(0).subList(1, PER_STUDY), got);

        HttpResponse<byte[]> wado = Tiers.wadoStudy(server, studyUid(0));
        assertEquals(206, wado.statusCode(), "WADO-RS of a study with a damaged object");
        assertTrue(wado.headers().firstValue("Warning").orElse("").contains("1 instance(s) not served"),
                wado.headers().toString());
        assertFalse(Tiers.contains(wado.body(), Dicom.datasetBytes(damaged)), "the damaged object was served");
        assertTrue(Tiers.contains(wado.body(), Dicom.datasetBytes(study(0).get(1))));
    }

    @Test
    @Order(5)
    void aHotTierAtItsReserveRefusesCStoreWithA700WhileReadsFromColdGoOn() throws Exception {
        server.close();
        Map<String, String> full = new HashMap<>(settings);
        full.put("strata.storage.hot.reserve-mb", String.valueOf(Long.MAX_VALUE / (1024 * 1024 * 2)));
        server = StandaloneServer.restart(NAME, full);
        server.awaitBoot();
        assertEquals(200, server.healthStatus());

        List<FileSender.Result> refused = Dicom.send(server.dicomPort(), "TIERS-IT",
                Tiers.studies(dir.resolve("more"), 1, 1).toArray(Path[]::new));
        assertEquals(0xA700, refused.get(0).status(), refused.toString());

        Path got = Files.createDirectories(dir.resolve("got-at-reserve"));
        assertEquals(0, Tiers.dcmtk(dir.resolve("getscu-reserve.log"), "getscu", "-S", "+B", "-aec", "STRATA",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid(1), "-od", got.toString(),
                "127.0.0.1", String.valueOf(server.dicomPort())), "getscu exit code");
        Tiers.assertReceivedAsSent(study(1), got);
        assertEquals(List.of(), Tiers.objects(server.hotTier()), "nothing written to the full hot tier");
    }

    @Test
    @Order(6)
    void withRecallOnReadACGetFromColdMovesTheStudyBackToHotAndTheNextRunMovesItToColdAgain() throws Exception {
        server.close();
        Map<String, String> recall = new HashMap<>(settings);
        recall.put("strata.lifecycle.recall-on-read", "true");
        server = StandaloneServer.restart(NAME, recall);
        server.awaitBoot();
        assertEquals(200, server.healthStatus());

        Path got = Files.createDirectories(dir.resolve("got-recalled"));
        assertEquals(0, Tiers.dcmtk(dir.resolve("getscu-recall.log"), "getscu", "-S", "+B", "-aec", "STRATA",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid(1), "-od", got.toString(),
                "127.0.0.1", String.valueOf(server.dicomPort())), "getscu exit code");
        Tiers.assertReceivedAsSent(study(1), got);
        assertEquals(PER_STUDY, Tiers.objects(server.hotTier()).size(), "the study recalled to hot");
        for (Path f : study(1)) {
            assertFalse(Files.exists(s3.objectFile(Tiers.storagePath(f))), "still in the bucket: " + f);
        }

        String token = StrataServer.token("admin", "admin");
        JsonObject run = Tiers.awaitRun(server, LIFECYCLE, token,
                Tiers.startRun(server, LIFECYCLE + "/runs", token).getJsonNumber("id").longValue());
        assertEquals(PER_STUDY, run.getInt("objects"), run.toString());
        assertEquals(List.of(), Tiers.objects(server.hotTier()), "hot tier after the run");
        assertEquals(STUDIES * PER_STUDY, s3.objectFiles().size());
    }

    private static List<Path> study(int index) {
        return sent.subList(index * PER_STUDY, (index + 1) * PER_STUDY);
    }

    private static String studyUid(int index) throws Exception {
        return Tiers.storagePath(study(index).get(0)).split("/")[0];
    }
}
