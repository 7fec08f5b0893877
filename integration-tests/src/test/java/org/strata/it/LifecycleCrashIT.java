package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.dimse.Part10Source;

/**
 * kill -9 of the server during a lifecycle run to an S3 cold tier (S3Proxy): after a restart a second run completes the
 * move, and every object is exactly once in the index, on cold, byte-identical, with no orphan left on either tier.
 */
class LifecycleCrashIT {
    private static final String NAME = "lifecycle-crash";
    private static final String LIFECYCLE = "/strata/api/admin/lifecycle";
    private static final int STUDIES = 20;
    private static final int PER_STUDY = 10;
    private static final int KILL_AFTER_COPIED = 40;

    @Test
    void aRunKilledHalfwayIsCompletedByTheNextAndLeavesEveryObjectExactlyOnce(@TempDir Path dir) throws Exception {
        List<Path> sent = Tiers.studies(dir, STUDIES, PER_STUDY);
        int total = sent.size();
        Path dataDir;
        try (S3Proxy s3 = S3Proxy.start(NAME + "-s3")) {
            Map<String, String> settings = new HashMap<>(s3.settings("cold", S3Proxy.SECRET_KEY));
            settings.putAll(Map.of(
                    "strata.lifecycle.age-days", "0",
                    "strata.lifecycle.batch-size", "2",
                    "strata.lifecycle.concurrency", "1",
                    "strata.oidc.provider-url", "http://127.0.0.1:" + StrataServer.KEYCLOAK_PORT + "/realms/strata"));
            try (StandaloneServer server = StandaloneServer.start(NAME, settings)) {
                server.awaitBoot();
                assertEquals(200, server.healthStatus());
                dataDir = server.dataDir();
                Tiers.store(server, sent);
                Tiers.startRun(server, LIFECYCLE + "/runs", StrataServer.token("admin", "admin"));
                awaitCopies(s3, KILL_AFTER_COPIED);
                server.kill();
            }
            int copiedBeforeTheKill = s3.objectFiles().size();
            assertTrue(copiedBeforeTheKill < total, "the kill came too late to test anything");

            try (StandaloneServer again = StandaloneServer.restart(NAME, settings)) {
                again.awaitBoot();
                assertEquals(200, again.healthStatus());
                String admin = StrataServer.token("admin", "admin");
                JsonObject status = Tiers.status(again, LIFECYCLE, admin);
                assertEquals("INTERRUPTED", status.getJsonArray("history").getJsonObject(0).getString("state"),
                        status.toString());
                JsonObject run = Tiers.awaitRun(again, LIFECYCLE, admin,
                        Tiers.startRun(again, LIFECYCLE + "/runs", admin).getJsonNumber("id").longValue());
                assertEquals("DONE", run.getString("state"), run.toString());
                assertEquals(0, run.getInt("failures"), run.toString());
                assertEquals(List.of(), Tiers.objects(again.hotTier()), "hot tier after the second run");
            }

            Map<String, String[]> indexed = index(dataDir);
            assertEquals(total, indexed.size(), "index rows");
            for (Path f : sent) {
                String uid = Part10Source.open(f).sopInstanceUid();
                String[] row = indexed.get(uid);
                assertTrue(row != null, "not indexed: " + uid);
                assertEquals("cold", row[0], uid);
                assertEquals(Tiers.storagePath(f), row[1], uid);
                assertArrayEquals(Dicom.datasetBytes(f), Dicom.datasetBytes(s3.objectFile(row[1])), uid);
            }
            assertEquals(total, s3.objectFiles().size(), "objects in the bucket (an orphan copy is one too many)");
        }
    }

    private static void awaitCopies(S3Proxy s3, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (s3.objectFiles().size() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fewer than " + count + " objects copied to the bucket in 300 s");
    }

    /** SOP Instance UID → {storage id, storage path}, read from the H2 index after the server has stopped. */
    private static Map<String, String[]> index(Path dataDir) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        List<String> uids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("strata/index"), "sa", "sa");
             ResultSet rs = c.createStatement().executeQuery("SELECT sop_iuid, storage_id, storage_path FROM instance")) {
            while (rs.next()) {
                uids.add(rs.getString(1));
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        assertEquals(uids.size(), rows.size(), "an instance indexed twice");
        return rows;
    }
}
