package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;

/** Helpers of the storage-tier tests: studies to send, the admin REST runs, what each tier holds. */
final class Tiers {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Tiers() {
    }

    /** CT_small cloned into {@code studies} new studies of {@code perStudy} instances each (one series). */
    static List<Path> studies(Path dir, int studies, int perStudy) throws Exception {
        Files.createDirectories(dir);
        DicomFile ct = Part10.read(Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm"));
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < studies; s++) {
            String study = Dicom.newUid();
            String series = Dicom.newUid();
            for (int i = 0; i < perStudy; i++) {
                String instance = Dicom.newUid();
                ct.dataset().setString(Tags.StudyInstanceUID, study);
                ct.dataset().setString(Tags.SeriesInstanceUID, series);
                ct.dataset().setString(Tags.SOPInstanceUID, instance);
                Path file = dir.resolve(instance + ".dcm");
                Part10.write(file, FileMetaInformation.create(ct.meta().mediaStorageSopClassUid(), instance,
                        ct.meta().transferSyntaxUid()), ct.dataset());
                files.add(file);
            }
        }
        return files;
    }

    static void store(StandaloneServer server, List<Path> files) throws Exception {
        for (FileSender.Result r : Dicom.send(server.dicomPort(), "TIERS-IT", files.toArray(Path[]::new))) {
            assertTrue(r.ok(), "not stored: " + r);
        }
    }

    /** POSTs to an admin endpoint; asserts 202 and returns the run it answered. */
    static JsonObject startRun(StandaloneServer server, String path, String token) throws Exception {
        HttpResponse<String> rsp = HTTP.send(HttpRequest.newBuilder(server.uri(path))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, rsp.statusCode(), rsp.body());
        return StrataServer.json(rsp.body());
    }

    static JsonObject status(StandaloneServer server, String path, String token) throws Exception {
        HttpResponse<String> rsp = HTTP.send(HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rsp.statusCode(), rsp.body());
        return StrataServer.json(rsp.body());
    }

    /** Waits until run {@code id} of an admin endpoint ({@code /strata/api/admin/lifecycle} or {@code scrub}) ends. */
    static JsonObject awaitRun(StandaloneServer server, String path, String token, long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            JsonObject status = status(server, path, token);
            for (JsonObject run : status.getJsonArray("history").getValuesAs(JsonObject.class)) {
                if (run.getJsonNumber("id").longValue() == id && !run.getString("state").equals("RUNNING")) {
                    return run;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("run " + id + " of " + path + " did not end within 300 s");
    }

    /** The objects on a folder tier (what its hidden working folders hold aside). */
    static List<Path> objects(Path tier) throws IOException {
        if (!Files.exists(tier)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tier)) {
            return files.filter(f -> Files.isRegularFile(f) && !tier.relativize(f).toString().startsWith("."))
                    .toList();
        }
    }

    /** Runs a DCMTK tool, its output to {@code log}; returns its exit code. */
    static int dcmtk(Path log, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1"); // else DCMTK waits ~50 ms per message
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command[0] + " did not finish");
        return p.exitValue();
    }

    /**
     * C-GETs a study with DCMTK's getscu into a new folder {@code dir/name} (its log beside it, {@code name.log}); asserts
     * that getscu succeeded and returns the folder.
     */
    static Path cGetStudy(StandaloneServer server, Path dir, String name, String studyUid) throws Exception {
        Path got = Files.createDirectories(dir.resolve(name));
        assertEquals(0, dcmtk(dir.resolve(name + ".log"), "getscu", "-S", "+B", "-aec", "STRATA",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid, "-od", got.toString(),
                "127.0.0.1", String.valueOf(server.dicomPort())), "getscu exit code");
        return got;
    }

    /** Asserts that {@code received} holds exactly these sent files, each data set byte-identical. */
    static void assertReceivedAsSent(List<Path> sent, Path received) throws IOException {
        Map<String, Path> got = new HashMap<>();
        try (Stream<Path> files = Files.list(received)) {
            for (Path f : files.toList()) {
                got.put(Part10Source.open(f).sopInstanceUid(), f);
            }
        }
        Map<String, Path> expected = new HashMap<>();
        for (Path f : sent) {
            expected.put(Part10Source.open(f).sopInstanceUid(), f);
        }
        assertEquals(expected.keySet(), got.keySet(), "instances received");
        for (Map.Entry<String, Path> e : expected.entrySet()) {
            assertArrayEquals(Dicom.datasetBytes(e.getValue()), Dicom.datasetBytes(got.get(e.getKey())),
                    "data set of " + e.getKey());
        }
    }

    /** WADO-RS of a study, every instance as stored ({@code transfer-syntax=*}), with a token of {@code reader}. */
    static HttpResponse<byte[]> wadoStudy(StandaloneServer server, String studyUid) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri("/dicom-web/studies/" + studyUid))
                        .header("Authorization", "Bearer " + StrataServer.token("reader", "reader"))
                        .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Whether {@code body} holds {@code part} byte for byte. */
    static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i <= body.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** {@code <study>/<series>/<instance>.dcm}: where the archive keeps a sent file on any tier. */
    static String storagePath(Path sent) throws IOException {
        DicomFile f = Part10.read(sent);
        return f.dataset().getString(Tags.StudyInstanceUID) + "/" + f.dataset().getString(Tags.SeriesInstanceUID)
                + "/" + f.dataset().getString(Tags.SOPInstanceUID) + ".dcm";
    }
}
