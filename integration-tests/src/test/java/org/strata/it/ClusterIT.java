package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.dimse.Part10Source;

/**
 * Two nodes on one PostgreSQL database (a fresh one on the suite's throwaway cluster) with the same hot and cold
 * folders, the lifecycle scheduled every minute: each timer firing makes exactly one run on the whole cluster, "run
 * now" on both nodes at once makes one run, and a node killed during its run blocks no one once it is back: its run is
 * INTERRUPTED, the next completes, and every object is exactly once in the index and on cold.
 */
class ClusterIT {
    private static final String LIFECYCLE = "/strata/api/admin/lifecycle";
    private static final String DATABASE = "cluster";

    @Test
    void twoNodesRunEachFiringOnceOneRunAtATimeAndRecoverFromAKilledNode(@TempDir Path dir) throws Exception {
        Path shared = Path.of(System.getProperty("it.dir"), "cluster-shared");
        deleteTree(shared);
        Map<String, String> settings = settings(shared);
        List<Path> sent = new ArrayList<>();
        StandaloneServer a = StandaloneServer.start("cluster-a", settings);
        StandaloneServer b = null;
        try {
            Thread.sleep(5_000); // the second node starts while the first is booting, as a cluster restart would
            b = StandaloneServer.start("cluster-b", settings);
            a.awaitBoot();
            b.awaitBoot();
            assertEquals(200, a.healthStatus(), "node a");
            assertEquals(200, b.healthStatus(), "node b");
            Instant booted = Instant.now();

            // (a) Every minute's firing: one run on the cluster, and the studies stored through a moved once.
            List<Path> first = Tiers.studies(dir.resolve("first"), 4, 5);
            Tiers.store(a, first);
            sent.addAll(first);
            List<JsonObject> scheduled = awaitScheduledRuns(a, booted, 2);
            Set<Instant> minutes = new HashSet<>();
            for (JsonObject run : scheduled) {
                assertTrue(minutes.add(Instant.parse(run.getString("startedAt")).truncatedTo(ChronoUnit.MINUTES)),
                        "two runs for one firing: " + scheduled);
            }
            assertEquals(ids(history(a)), ids(history(b)), "both nodes show the one history");
            assertEquals(List.of(), Tiers.objects(shared.resolve("hot")), "hot after the scheduled runs");
            assertEquals(first.size(), Tiers.objects(shared.resolve("cold")).size(), "cold after the scheduled runs");
            assertEquals(first.size(), history(a).stream().mapToLong(r -> r.getJsonNumber("objects").longValue())
                    .sum(), "objects moved by all runs together (each once)");

            // (b) "Run now" on both nodes at the same moment: one run.
            int hotBefore = storeUntilHotHolds(a, dir, sent, 60);
            JsonObject[] answers = startOnBothAtOnce(a, b);
            assertEquals(answers[0].getJsonNumber("id").longValue(), answers[1].getJsonNumber("id").longValue(),
                    "a and b answered different runs: " + answers[0] + " / " + answers[1]);
            long runId = answers[0].getJsonNumber("id").longValue();
            String runner = answers[0].getString("node");

            // (c) kill -9 of the node that runs it, halfway (two studies of ten moved).
            awaitHotAtMost(shared, hotBefore - 20);
            StandaloneServer victim = runner.equals("cluster-a") ? a : b;
            StandaloneServer survivor = victim == a ? b : a;
            victim.kill();
            int hotAtKill = Tiers.objects(shared.resolve("hot")).size();
            assertTrue(hotAtKill > 0, "the kill came too late to test anything: the run had moved every object");
            JsonObject blocked = Tiers.startRun(survivor, LIFECYCLE + "/runs", admin());
            assertEquals(runId, blocked.getJsonNumber("id").longValue(),
                    "while the killed node's run is RUNNING, no other run starts: " + blocked);

            String settingsName = victim == a ? "cluster-a" : "cluster-b";
            StandaloneServer restarted = StandaloneServer.restart(settingsName, settings);
            if (victim == a) {
                a = restarted;
            } else {
                b = restarted;
            }
            restarted.awaitBoot();
            assertEquals(200, restarted.healthStatus(), "restarted node");
            JsonObject killedRun = run(history(survivor), runId);
            assertEquals("INTERRUPTED", killedRun.getString("state"), killedRun.toString());
            JsonObject next = Tiers.startRun(survivor, LIFECYCLE + "/runs", admin());
            JsonObject done = Tiers.awaitRun(survivor, LIFECYCLE, admin(), next.getJsonNumber("id").longValue());
            assertEquals("DONE", done.getString("state"), done.toString());
            assertEquals(0, done.getInt("failures"), done.toString());
            assertEquals(List.of(), Tiers.objects(shared.resolve("hot")), "hot after the run that followed the kill");

            assertNoRunsOverlap(history(restarted));
            assertEveryObjectOnceOnCold(sent, shared.resolve("cold"));
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }

    private static Map<String, String> settings(Path shared) throws Exception {
        String cluster = "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("it.postgresql.port") + "/";
        try (Connection c = DriverManager.getConnection(cluster + "strata", "strata", "strata");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("strata.db.kind", "PostgreSQL");
        settings.put("strata.db.url", cluster + DATABASE);
        settings.put("strata.db.user", "strata");
        settings.put("strata.db.password", "strata");
        settings.put("strata.storage.hot.path", shared.resolve("hot").toString());
        settings.put("strata.storage.cold.path", shared.resolve("cold").toString());
        settings.put("strata.storage.hot.high-water-percent", "100"); // only the schedule and "run now" start runs
        settings.put("strata.lifecycle.schedule", "* * * * *");
        settings.put("strata.lifecycle.age-days", "0");
        settings.put("strata.lifecycle.batch-size", "1");
        settings.put("strata.lifecycle.concurrency", "1");
        settings.put("strata.cluster.timer-refresh-millis", "5000");
        settings.put("strata.oidc.provider-url", "http://127.0.0.1:" + StrataServer.KEYCLOAK_PORT + "/realms/strata");
        return settings;
    }

    private static String admin() throws Exception {
        return StrataServer.token("admin", "admin");
    }

    private static List<JsonObject> history(StandaloneServer server) throws Exception {
        return Tiers.status(server, LIFECYCLE, admin()).getJsonArray("history").getValuesAs(JsonObject.class);
    }

    private static List<Long> ids(List<JsonObject> runs) {
        return runs.stream().map(r -> r.getJsonNumber("id").longValue()).toList();
    }

    private static JsonObject run(List<JsonObject> runs, long id) {
        return runs.stream().filter(r -> r.getJsonNumber("id").longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no run " + id + " in " + runs));
    }

    /** Waits for {@code count} finished scheduled runs started after {@code after}; returns every scheduled run. */
    private static List<JsonObject> awaitScheduledRuns(StandaloneServer server, Instant after, int count)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            List<JsonObject> scheduled = history(server).stream()
                    .filter(r -> r.getString("trigger").equals("SCHEDULE")).toList();
            long finished = scheduled.stream().filter(r -> !r.getString("state").equals("RUNNING"))
                    .filter(r -> Instant.parse(r.getString("startedAt")).isAfter(after)).count();
            if (finished >= count) {
                return scheduled;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("fewer than " + count + " scheduled runs in 300 s: " + history(server));
    }

    /** Stores studies of 10 instances through {@code node} until the hot folder holds at least {@code min} objects. */
    private static int storeUntilHotHolds(StandaloneServer node, Path dir, List<Path> sent, int min) throws Exception {
        Path hot = Path.of(System.getProperty("it.dir"), "cluster-shared", "hot");
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Path> more = Tiers.studies(dir.resolve("more-" + attempt), 10, 10);
            Tiers.store(node, more);
            sent.addAll(more);
            int onHot = Tiers.objects(hot).size();
            if (onHot >= min) {
                return onHot;
            }
        }
        throw new AssertionError("scheduled runs kept emptying the hot folder faster than 100 objects were stored");
    }

    /** POSTs "run now" to both nodes from two threads released together; returns both answers. */
    private static JsonObject[] startOnBothAtOnce(StandaloneServer a, StandaloneServer b) throws Exception {
        String token = admin();
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<JsonObject> onA = CompletableFuture.supplyAsync(() -> startAfter(go, a, token));
        CompletableFuture<JsonObject> onB = CompletableFuture.supplyAsync(() -> startAfter(go, b, token));
        go.countDown();
        return new JsonObject[] {onA.get(60, TimeUnit.SECONDS), onB.get(60, TimeUnit.SECONDS)};
    }

    private static JsonObject startAfter(CountDownLatch go, StandaloneServer server, String token) {
        try {
            go.await();
            return Tiers.startRun(server, LIFECYCLE + "/runs", token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitHotAtMost(Path shared, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Tiers.objects(shared.resolve("hot")).size() <= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("more than " + count + " objects still on hot after 120 s");
    }

    /** No two runs were RUNNING at the same time (an unfinished run counts as running until now). */
    private static void assertNoRunsOverlap(List<JsonObject> runs) {
        List<JsonObject> byStart = runs.stream()
                .sorted(Comparator.comparing((JsonObject r) -> Instant.parse(r.getString("startedAt")))).toList();
        for (int i = 1; i < byStart.size(); i++) {
            JsonObject before = byStart.get(i - 1);
            Instant ended = before.containsKey("finishedAt") && !before.isNull("finishedAt")
                    ? Instant.parse(before.getString("finishedAt")) : Instant.MAX;
            assertFalse(Instant.parse(byStart.get(i).getString("startedAt")).isBefore(ended),
                    "runs overlap: " + before + " / " + byStart.get(i));
        }
    }

    /** Every sent instance once in the index, on cold, its file byte-identical; nothing else on cold. */
    private static void assertEveryObjectOnceOnCold(List<Path> sent, Path cold) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("it.postgresql.port") + "/" + DATABASE;
        Map<String, String[]> rows = new HashMap<>();
        int count = 0;
        try (Connection c = DriverManager.getConnection(url, "strata", "strata");
             ResultSet rs = c.createStatement().executeQuery("SELECT sop_iuid, storage_id, storage_path FROM instance")) {
            while (rs.next()) {
                count++;
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        assertEquals(rows.size(), count, "an instance indexed twice");
        assertEquals(sent.size(), rows.size(), "index rows");
        for (Path f : sent) {
            String uid = Part10Source.open(f).sopInstanceUid();
            String[] row = rows.get(uid);
            assertTrue(row != null, "not indexed: " + uid);
            assertEquals("cold", row[0], uid);
            assertArrayEquals(Dicom.datasetBytes(f), Dicom.datasetBytes(cold.resolve(row[1])), uid);
        }
        assertEquals(sent.size(), Tiers.objects(cold).size(), "objects on cold (an orphan copy is one too many)");
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
