package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;

/**
 * kill -9 of the server during a 4-association ingest of 2000 instances: after a restart every instance that was
 * acknowledged with success is indexed and stored identically, and no index row points at a missing file.
 */
class DurabilityIT {
    private static final int INSTANCES = 2000;
    private static final int ASSOCIATIONS = 4;
    private static final int KILL_AFTER_STORED = 400;

    @Test
    void everyAcknowledgedInstanceSurvivesAKillDuringIngest(@TempDir Path dir) throws Exception {
        List<Path> files = clones(dir);
        List<FileSender.Result> results = Collections.synchronizedList(new ArrayList<>());
        Path dataDir;
        Map<String, String> database = database();
        try (StandaloneServer server = StandaloneServer.start("durability", database)) {
            server.awaitBoot();
            assertEquals(200, server.healthStatus());
            dataDir = server.dataDir();
            ExecutorService senders = Executors.newFixedThreadPool(ASSOCIATIONS);
            List<Future<?>> sending = new ArrayList<>();
            int share = INSTANCES / ASSOCIATIONS;
            for (int a = 0; a < ASSOCIATIONS; a++) {
                List<Path> mine = files.subList(a * share, (a + 1) * share);
                sending.add(senders.submit(() -> {
                    try {
                        results.addAll(Dicom.send(server.dicomPort(), "DURABILITY", mine.toArray(Path[]::new)));
                    } catch (java.io.IOException brokenByTheKill) {
                        // The association died with the server; its acknowledged results are lost to us, which
                        // only makes the check below weaker, never wrong.
                    }
                    return null;
                }));
            }
            awaitStored(server.hotTier(), KILL_AFTER_STORED);
            server.kill();
            for (Future<?> f : sending) {
                f.get(120, TimeUnit.SECONDS);
            }
            senders.shutdown();
        }
        List<FileSender.Result> acknowledged = results.stream().filter(FileSender.Result::ok).toList();
        assertTrue(acknowledged.size() < INSTANCES, "the kill came too late to test anything");

        // Restart on the same data: the sweeper settles what the crash left, then the server is healthy.
        try (StandaloneServer again = StandaloneServer.restart("durability", database)) {
            again.awaitBoot();
            assertEquals(200, again.healthStatus());
        }

        Map<String, String> indexed = indexedPaths(dataDir, database);
        Path hot = dataDir.resolve("strata/hot");
        for (Map.Entry<String, String> row : indexed.entrySet()) {
            assertTrue(Files.exists(hot.resolve(row.getValue())), "index row points at a missing file: " + row);
        }
        for (FileSender.Result ok : acknowledged) {
            String uid = ok.file().sopInstanceUid();
            String path = indexed.get(uid);
            assertTrue(path != null, "acknowledged but not indexed: " + uid);
            assertArrayEquals(Dicom.datasetBytes(ok.file().file()), Dicom.datasetBytes(hot.resolve(path)));
        }
        try (Stream<Path> incoming = Files.exists(hot.resolve(".incoming")) ? Files.list(hot.resolve(".incoming"))
                : Stream.empty()) {
            assertEquals(0, incoming.count(), "the sweeper left partial files");
        }
    }

    /** CT_small cloned with new study, series and instance UIDs: 10 studies of 2 series. */
    private static List<Path> clones(Path dir) throws Exception {
        DicomFile ct = Part10.read(Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm"));
        List<Path> files = new ArrayList<>();
        String root = "2.25." + (System.nanoTime() & Long.MAX_VALUE);
        for (int i = 0; i < INSTANCES; i++) {
            String study = root + "." + (i % 10);
            String series = study + "." + (i % 20);
            String instance = series + "." + i;
            ct.dataset().setString(Tags.StudyInstanceUID, study);
            ct.dataset().setString(Tags.SeriesInstanceUID, series);
            ct.dataset().setString(Tags.SOPInstanceUID, instance);
            Path file = dir.resolve(i + ".dcm");
            Part10.write(file, FileMetaInformation.create(ct.meta().mediaStorageSopClassUid(), instance,
                    ct.meta().transferSyntaxUid()), ct.dataset());
            files.add(file);
        }
        return files;
    }

    private static void awaitStored(Path hot, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (Files.exists(hot)) {
                try (Stream<Path> files = Files.walk(hot)) {
                    if (files.filter(f -> f.toString().endsWith(".dcm")).count() >= count) {
                        return;
                    }
                } catch (java.io.UncheckedIOException renamedWhileWalking) {
                    // Files move out of .incoming as we look; look again.
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + count + " instances stored in 300 s");
    }

    /**
     * The database settings of the server under test: none (H2 in its data folder) when the suite runs on H2; on
     * PostgreSQL a new database of its own on the suite's cluster, apart from the Arquillian server's.
     */
    private static Map<String, String> database() throws SQLException {
        if (!"PostgreSQL".equals(System.getProperty("it.database"))) {
            return Map.of();
        }
        String cluster = "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("it.postgresql.port") + "/";
        try (Connection c = DriverManager.getConnection(cluster + "strata", "strata", "strata");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS durability");
            s.execute("CREATE DATABASE durability");
        }
        return Map.of("strata.db.kind", "PostgreSQL", "strata.db.url", cluster + "durability",
                "strata.db.user", "strata", "strata.db.password", "strata");
    }

    /** SOP Instance UID → storage path, read from the index after the server has stopped. */
    private static Map<String, String> indexedPaths(Path dataDir, Map<String, String> database) throws Exception {
        Map<String, String> paths = new HashMap<>();
        String url = database.getOrDefault("strata.db.url", "jdbc:h2:file:" + dataDir.resolve("strata/index"));
        String user = database.getOrDefault("strata.db.user", "sa");
        try (Connection c = DriverManager.getConnection(url, user, database.getOrDefault("strata.db.password", "sa"));
             ResultSet rs = c.createStatement().executeQuery("SELECT sop_iuid, storage_path FROM instance")) {
            while (rs.next()) {
                paths.put(rs.getString(1), rs.getString(2));
            }
        }
        return paths;
    }
}
