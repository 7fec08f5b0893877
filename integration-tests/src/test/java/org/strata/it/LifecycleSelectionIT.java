package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which studies the lifecycle moves, on folder tiers: with {@code strata.lifecycle.age-basis=accessed} the studies read
 * (WADO-RS, C-GET) since they aged stay on hot while those not read, or only searched and asked for metadata, move; a
 * high-water mark of 100 % starts no run; a mark the disk is above (1 %) starts {@code HIGH_WATER} runs that move
 * every study whatever its age, which C-GET then reads byte-identical from cold.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleSelectionIT {
    private static final String NAME = "lifecycle-selection";
    private static final String LIFECYCLE = "/strata/api/admin/lifecycle";
    private static final int PER_STUDY = 2;
    /** The age of the first server, in seconds: long enough for a read and a run in between on a loaded machine. */
    private static final double AGE_SECONDS = 60;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static StandaloneServer server;
    private static Map<String, String> settings;
    private static List<Path> sent;

    @BeforeAll
    static void start() throws Exception {
        settings = new HashMap<>(Map.of(
                "strata.lifecycle.schedule", "0 0 1 1 *", // no scheduled run during the test
                "strata.lifecycle.high-water-check-seconds", "2",
                "strata.oidc.provider-url", "http://127.0.0.1:" + StrataServer.KEYCLOAK_PORT + "/realms/strata"));
        Map<String, String> byAccess = new HashMap<>(settings);
        byAccess.putAll(Map.of(
                "strata.lifecycle.age-basis", "accessed",
                "strata.lifecycle.age-days", String.valueOf(AGE_SECONDS / 86400),
                "strata.storage.hot.high-water-percent", "100"));
        server = StandaloneServer.start(NAME, byAccess);
        server.awaitBoot();
        assertEquals(200, server.healthStatus());
        sent = Tiers.studies(dir.resolve("sent"), 4, PER_STUDY);
        Tiers.store(server, sent);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void byLastAccessTheStudiesReadSinceTheyAgedStayOnHotAndHighWater100StartsNoRun() throws Exception {
        long stored = System.nanoTime();
        String reader = StrataServer.token("reader", "reader");
        // Searches and metadata are not reads of the objects: study 1 ages as if untouched.
        assertEquals(200, get("/dicom-web/studies?StudyInstanceUID=" + studyUid(1), reader));
        assertEquals(200, get("/dicom-web/studies/" + studyUid(1) + "/metadata", reader));

        // Wait until every study is older than the age by receipt, with margin; the high-water check runs all along.
        long waitMillis = TimeUnit.SECONDS.toMillis((long) AGE_SECONDS + 15)
                - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stored);
        Thread.sleep(Math.max(0, waitMillis));
        String admin = StrataServer.token("admin", "admin");
        assertEquals(List.of(), Tiers.status(server, LIFECYCLE, admin).getJsonArray("history"),
                "no run may start below a high-water mark of 100 %");
        assertEquals(sent.size(), Tiers.objects(server.hotTier()).size());

        HttpResponse<byte[]> wado = Tiers.wadoStudy(server, studyUid(0));
        assertEquals(200, wado.statusCode());
        Tiers.assertReceivedAsSent(study(3), Tiers.cGetStudy(server, dir, "got-read", studyUid(3)));
        JsonObject run = Tiers.awaitRun(server, LIFECYCLE, admin,
                Tiers.startRun(server, LIFECYCLE + "/runs", admin).getJsonNumber("id").longValue());

        assertEquals("DONE", run.getString("state"), run.toString());
        assertEquals(2, run.getInt("studies"), run.toString());
        assertEquals(2 * PER_STUDY, run.getInt("objects"), run.toString());
        assertEquals(0, run.getInt("failures"), run.toString());
        List<String> read = new ArrayList<>(paths(study(0)));
        read.addAll(paths(study(3)));
        assertEquals(read.stream().sorted().toList(), relative(server.hotTier()), "only the studies read stay on hot");
        List<String> moved = new ArrayList<>(paths(study(1)));
        moved.addAll(paths(study(2)));
        assertEquals(moved.stream().sorted().toList(), relative(coldTier()));
    }

    @Test
    @Order(2)
    void aHotFolderAboveItsHighWaterMarkStartsRunsThatMoveEveryStudyWhateverItsAge() throws Exception {
        server.close();
        Map<String, String> highWater = new HashMap<>(settings);
        highWater.putAll(Map.of(
                "strata.lifecycle.age-days", "36500",
                "strata.storage.hot.high-water-percent", "1"));
        server = StandaloneServer.restart(NAME, highWater);
        server.awaitBoot();
        assertEquals(200, server.healthStatus());
        List<Path> more = Tiers.studies(dir.resolve("more"), 2, PER_STUDY);
        Tiers.store(server, more); // a high-water run may start while they arrive: the next one takes the rest

        String admin = StrataServer.token("admin", "admin");
        List<JsonObject> highWaterRuns = awaitHotEmptiedByHighWater(admin);
        long objects = 0;
        for (JsonObject run : highWaterRuns) {
            assertEquals("DONE", run.getString("state"), run.toString());
            assertEquals(0, run.getInt("failures"), run.toString());
            objects += run.getInt("objects");
        }
        assertEquals(2 * PER_STUDY + more.size(), objects, "objects moved by the high-water runs: " + highWaterRuns);
        assertEquals(sent.size() + more.size(), relative(coldTier()).size());

        List<Path> all = new ArrayList<>(sent);
        all.addAll(more);
        for (int s = 0; s < all.size() / PER_STUDY; s++) {
            List<Path> study = all.subList(s * PER_STUDY, (s + 1) * PER_STUDY);
            Tiers.assertReceivedAsSent(study, Tiers.cGetStudy(server, dir, "got-" + s, studyUidOf(study)));
        }
    }

    /** Waits (bounded) until no run is in progress, a HIGH_WATER run has ended and hot is empty; those runs. */
    private static List<JsonObject> awaitHotEmptiedByHighWater(String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        JsonObject status = null;
        while (System.nanoTime() < deadline) {
            status = Tiers.status(server, LIFECYCLE, token);
            List<JsonObject> highWaterRuns = status.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("trigger").equals("HIGH_WATER")).toList();
            if (status.get("running").equals(JsonValue.NULL) && !highWaterRuns.isEmpty()
                    && Tiers.objects(server.hotTier()).isEmpty()) {
                return highWaterRuns;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("hot not emptied by HIGH_WATER runs within 300 s; hot holds "
                + Tiers.objects(server.hotTier()) + ", lifecycle " + status);
    }

    private static int get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Path coldTier() {
        return server.dataDir().resolve("strata/cold");
    }

    /** The objects of a folder tier as paths relative to it, sorted. */
    private static List<String> relative(Path tier) throws Exception {
        return Tiers.objects(tier).stream().map(f -> tier.relativize(f).toString()).sorted().toList();
    }

    private static List<String> paths(List<Path> files) throws Exception {
        List<String> paths = new ArrayList<>();
        for (Path f : files) {
            paths.add(Tiers.storagePath(f));
        }
        return paths.stream().sorted().toList();
    }

    private static List<Path> study(int index) {
        return sent.subList(index * PER_STUDY, (index + 1) * PER_STUDY);
    }

    private static String studyUid(int index) throws Exception {
        return studyUidOf(study(index));
    }

    private static String studyUidOf(List<Path> study) throws Exception {
        return Tiers.storagePath(study.get(0)).split("/")[0];
    }
}
