package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;

/**
 * Setting {@code strata.store.duplicates=KEEP_VERSIONS}: an object with a stored SOP Instance UID and other content
 * becomes the current version (the one a retrieve returns) while the earlier one stays stored; the same content
 * again adds nothing. A lifecycle run (age 0) moves the superseded version to the cold tier with the current one,
 * byte-identical, and the orphan sweep keeps it there; the scrub checks it. Restarted with {@code REPLACE}, a newer object removes the
 * current one from the cold tier it is on. The same server limits request bodies
 * ({@code strata.web.max-request-bytes} = 1 MiB): a larger STOW-RS is refused (400 from WildFly's listener when its
 * Content-Length says so; a chunked one has its connection reset at the limit) and stores nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuplicateVersionsIT {
    private static final Path CT = Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm");
    private static final String LIFECYCLE = "/strata/api/admin/lifecycle";
    private static final String SCRUB = "/strata/api/admin/scrub";
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    @TempDir
    static Path dir;
    private static final String NAME = "duplicate-versions";
    private static StandaloneServer server;
    private static Map<String, String> settings;
    private static Path corrected;
    private static String study;
    private static String sopUid;

    @BeforeAll
    static void start() throws Exception {
        DicomFile original = Part10.read(CT);
        Dataset ds = original.dataset();
        study = ds.getString(Tags.StudyInstanceUID);
        sopUid = ds.getString(Tags.SOPInstanceUID);
        ds.setString(Tags.ImageComments, "corrected after the first send");
        corrected = dir.resolve("corrected.dcm");
        Part10.write(corrected, original.meta(), ds);

        settings = new HashMap<>(Map.of(
                "strata.store.duplicates", "KEEP_VERSIONS",
                "strata.lifecycle.age-days", "0",
                "strata.web.max-request-bytes", String.valueOf(MAX_REQUEST_BYTES),
                "strata.oidc.provider-url", "http://127.0.0.1:" + StrataServer.KEYCLOAK_PORT + "/realms/strata"));
        server = StandaloneServer.start(NAME, settings);
        server.awaitBoot();
        assertEquals(200, server.healthStatus());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aChangedObjectBecomesTheCurrentVersionAndTheEarlierOneStaysStored() throws Exception {
        for (Path file : List.of(CT, corrected, corrected)) {
            List<FileSender.Result> sent = Dicom.send(server.dicomPort(), "MODALITY", file);
            assertEquals(0, sent.get(0).status(), file + ": " + sent);
        }

        List<byte[]> stored = new ArrayList<>();
        for (Path p : versions(server.hotTier()).values()) {
            stored.add(Dicom.datasetBytes(p));
        }
        assertEquals(2, stored.size(), "both versions, and only once each, in the hot tier");
        byte[] earlier = Dicom.datasetBytes(CT);
        assertEquals(1, stored.stream().filter(b -> Arrays.equals(b, earlier)).count(), "the earlier version is kept");

        assertRetrieveReturns(corrected, "received");

        // An administrator lists both versions and fetches each as it was received.
        String admin = StrataServer.token("admin", "admin");
        HttpResponse<byte[]> list = adminGet("/strata/api/admin/versions/" + sopUid, admin);
        assertEquals(200, list.statusCode(), new String(list.body(), StandardCharsets.UTF_8));
        JsonArray versions = Json.createReader(new ByteArrayInputStream(list.body())).readArray();
        assertEquals(2, versions.size(), versions.toString());
        assertEquals("current", versions.getJsonObject(0).getString("version"));
        assertFalse(versions.getJsonObject(0).containsKey("supersededAt"), versions.toString());
        assertTrue(versions.getJsonObject(1).containsKey("supersededAt"), versions.toString());
        assertArrayEquals(Dicom.datasetBytes(corrected), versionBytes(admin, "current"), "the current version");
        assertArrayEquals(earlier, versionBytes(admin, versions.getJsonObject(1).getString("version")),
                "the superseded version");
        assertEquals(404, adminGet("/strata/api/admin/versions/2.25.404", admin).statusCode());
        assertEquals(404, adminGet("/strata/api/admin/versions/" + sopUid + "/404404", admin).statusCode());
        assertEquals(403, adminGet("/strata/api/admin/versions/" + sopUid, StrataServer.token("reader", "reader"))
                .statusCode());
    }

    private static HttpResponse<byte[]> adminGet(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The data set of one stored version, fetched over the admin REST API. */
    private static byte[] versionBytes(String token, String version) throws Exception {
        HttpResponse<byte[]> response = adminGet("/strata/api/admin/versions/" + sopUid + "/" + version, token);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/dicom", response.headers().firstValue("Content-Type").orElse(""));
        Path file = dir.resolve("version-" + version + ".dcm");
        Files.write(file, response.body());
        return Dicom.datasetBytes(file);
    }

    @Test
    @Order(2)
    void aLifecycleRunMovesTheSupersededVersionToColdByteIdenticalAndTheSweepKeepsIt() throws Exception {
        Path cold = server.dataDir().resolve("strata/cold");
        Map<String, byte[]> onHot = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : versions(server.hotTier()).entrySet()) {
            onHot.put(f.getKey(), Files.readAllBytes(f.getValue()));
        }
        assertEquals(2, onHot.size(), onHot.keySet().toString());
        String admin = StrataServer.token("admin", "admin");

        JsonObject run = lifecycleRun(admin);
        assertEquals("DONE", run.getString("state"), run.toString());
        assertEquals(2, run.getInt("objects"), "the current and the superseded version: " + run);
        assertEquals(0, run.getInt("failures"), run.toString());
        assertEquals(List.of(), Tiers.objects(server.hotTier()), "hot tier after the run");
        for (Map.Entry<String, byte[]> file : onHot.entrySet()) {
            Path copy = cold.resolve(file.getKey());
            assertTrue(Files.exists(copy), "not on cold: " + file.getKey());
            assertArrayEquals(file.getValue(), Files.readAllBytes(copy), "cold copy of " + file.getKey());
        }

        // The sweep that ends every run judges only objects older than the server's start: age the cold tier's
        // objects, and plant an object no index row points at beside them, which the sweep must remove.
        Path orphan = cold.resolve(onHot.keySet().iterator().next()).resolveSibling("2.25.1.dcm");
        Files.write(orphan, Files.readAllBytes(CT));
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        for (Path f : Tiers.objects(cold)) {
            Files.setLastModifiedTime(f, longAgo);
        }
        JsonObject again = lifecycleRun(admin);
        assertEquals("DONE", again.getString("state"), again.toString());
        assertEquals(0, again.getInt("objects"), again.toString());
        assertEquals("1 orphan object(s) removed", again.getString("message", null), again.toString());
        assertFalse(Files.exists(orphan), "the sweep left an object no index row points at");
        for (Map.Entry<String, byte[]> file : onHot.entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(cold.resolve(file.getKey())),
                    "after the sweep, on cold: " + file.getKey());
        }

        assertRetrieveReturns(corrected, "received-from-cold");
    }

    @Test
    @Order(3)
    void theScrubChecksTheSupersededVersionAndItsDamageDoesNotStopTheCurrentOneBeingServed() throws Exception {
        String admin = StrataServer.token("admin", "admin");
        JsonObject run = scrubRun(admin);
        assertEquals(2, run.getInt("objects"), "the current and the superseded version: " + run);
        assertEquals(0, run.getInt("failures"), run.toString());

        Path cold = server.dataDir().resolve("strata/cold");
        byte[] earlier = Dicom.datasetBytes(CT);
        Path superseded = null;
        for (Path f : versions(cold).values()) {
            if (Arrays.equals(Dicom.datasetBytes(f), earlier)) {
                superseded = f;
            }
        }
        assertTrue(superseded != null, "no superseded version on cold");
        byte[] bytes = Files.readAllBytes(superseded);
        bytes[bytes.length - 1] ^= (byte) 0xFF;
        Files.write(superseded, bytes);

        JsonObject damaged = scrubRun(admin);
        assertEquals(2, damaged.getInt("objects"), damaged.toString());
        assertEquals(1, damaged.getInt("failures"), "the damaged superseded version: " + damaged);
        assertEquals(0, Tiers.status(server, SCRUB, admin).getJsonArray("problems").size(),
                "a superseded version's damage must not mark the current version damaged");
        assertRetrieveReturns(corrected, "received-after-scrub");
    }

    @Test
    @Order(4)
    void aStowLargerThanMaxRequestBytesIsRefusedAndStoresNothingWhileASmallerOneIsStored() throws Exception {
        String writer = StrataServer.token("writer", "writer");
        List<Path> twoMegabytes = Tiers.studies(dir.resolve("large"), 1, 56);

        // Its Content-Length over the limit: WildFly's HTTP listener answers at once, before Strata sees the request.
        HttpResponse<String> refused = stow(writer, twoMegabytes, 2 * MAX_REQUEST_BYTES, false);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("close", refused.headers().firstValue("Connection").orElse(""), refused.headers().toString());
        assertEquals(List.of(), Tiers.objects(server.hotTier()), "stored from a refused request");

        // Chunked, so the length shows only while reading: the listener drops the connection at the limit, and the
        // client sees it reset, without a status.
        assertThrows(IOException.class, () -> stow(writer, twoMegabytes, 2 * MAX_REQUEST_BYTES, true));
        assertEquals(List.of(), Tiers.objects(server.hotTier()), "stored from a refused request");

        List<Path> halfAMegabyte = Tiers.studies(dir.resolve("small"), 1, 14);
        HttpResponse<String> stored = stow(writer, halfAMegabyte, MAX_REQUEST_BYTES / 2, false);
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals(halfAMegabyte.size(), Tiers.objects(server.hotTier()).size());
    }

    @Test
    @Order(5)
    void withReplaceANewerObjectRemovesTheCurrentOneFromTheTierItIsOnAndTheSupersededOneStays() throws Exception {
        server.close();
        Map<String, String> replace = new HashMap<>(settings);
        replace.put("strata.store.duplicates", "REPLACE");
        server = StandaloneServer.restart(NAME, replace);
        server.awaitBoot();
        Path cold = server.dataDir().resolve("strata/cold");
        Path current = null;
        Path superseded = null;
        for (Path f : versions(cold).values()) {
            if (Arrays.equals(Dicom.datasetBytes(f), Dicom.datasetBytes(corrected))) {
                current = f;
            } else {
                superseded = f;
            }
        }
        assertNotNull(current, "the current version on cold");
        assertNotNull(superseded, "the superseded version on cold");

        DicomFile again = Part10.read(corrected);
        again.dataset().setString(Tags.ImageComments, "corrected twice");
        Path newest = dir.resolve("newest.dcm");
        Part10.write(newest, again.meta(), again.dataset());
        List<FileSender.Result> sent = Dicom.send(server.dicomPort(), "MODALITY", newest);
        assertEquals(0, sent.get(0).status(), sent.toString());

        assertFalse(Files.exists(current), "the replaced version is still on cold");
        assertTrue(Files.exists(superseded), "the superseded version is not the newcomer's to remove");
        Map<String, Path> onHot = versions(server.hotTier());
        assertEquals(1, onHot.size(), onHot.keySet().toString());
        assertArrayEquals(Dicom.datasetBytes(newest), Dicom.datasetBytes(onHot.values().iterator().next()));
        assertRetrieveReturns(newest, "received-after-replace");
    }

    /** The files of the test object's versions on a folder tier, by their path relative to it. */
    private static Map<String, Path> versions(Path tier) throws Exception {
        Map<String, Path> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(tier)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(sopUid)).sorted().toList()) {
                found.put(tier.relativize(p).toString(), p);
            }
        }
        return found;
    }

    /** A C-GET of the study returns exactly one object: {@code current}'s data set. */
    private static void assertRetrieveReturns(Path current, String folder) throws Exception {
        Path received = Files.createDirectory(dir.resolve(folder));
        Tools.Result get = Tools.run(List.of("getscu", "-S", "-aec", "STRATA", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "StudyInstanceUID=" + study, "-od", received.toString(), "127.0.0.1",
                String.valueOf(server.dicomPort())));
        assertEquals(0, get.exit(), get.output());
        List<Path> retrieved;
        try (Stream<Path> files = Files.list(received)) {
            retrieved = files.toList();
        }
        assertEquals(1, retrieved.size(), "a retrieve returns the current version only: " + retrieved);
        assertArrayEquals(Dicom.datasetBytes(current), Dicom.datasetBytes(retrieved.get(0)));
    }

    private static JsonObject lifecycleRun(String token) throws Exception {
        return Tiers.awaitRun(server, LIFECYCLE, token,
                Tiers.startRun(server, LIFECYCLE + "/runs", token).getJsonNumber("id").longValue());
    }

    private static JsonObject scrubRun(String token) throws Exception {
        JsonObject run = Tiers.awaitRun(server, SCRUB, token,
                Tiers.startRun(server, SCRUB + "/runs", token).getJsonNumber("id").longValue());
        assertEquals("DONE", run.getString("state"), run.toString());
        return run;
    }

    /**
     * STOW-RS of these Part 10 files in one request, with a Content-Length or chunked; asserts the body is between
     * {@code atLeast} and twice that many bytes.
     */
    private static HttpResponse<String> stow(String token, List<Path> files, int atLeast, boolean chunked)
            throws Exception {
        List<Multipart.Part> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(Multipart.Part.of("application/dicom", null, Files.readAllBytes(f)));
        }
        String boundary = "it-" + Dicom.newUid();
        byte[] body = Multipart.multipart(boundary, parts);
        assertTrue(body.length > atLeast, "a body of " + body.length + " bytes");
        assertTrue(body.length < 2 * atLeast, "a body of " + body.length + " bytes");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/dicom-web/studies"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                        .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
