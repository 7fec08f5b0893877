package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.tool.CommitScu;

/**
 * Storage Commitment Push Model against the running archive with the toolkit's commitscu: the report on the same
 * association and on a new one to a registered requester; unknown and corrupted instances reported as failed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommitmentIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "commitment-it");
        t.setDaemon(true);
        return t;
    });

    /** What commitscu printed and its exit code. */
    private record Outcome(int exit, List<String> lines) {
    }

    @Test
    void storedInstancesAreCommittedOnTheSameAssociation(@TempDir Path dir) throws Exception {
        List<Path> files = Dicom.newCtInstances(dir, 2);
        store(files);

        Outcome out = commitscu(files, List.of());

        assertEquals(0, out.exit(), out.lines().toString());
        assertTrue(out.lines().contains("committed 2 of 2 instances"), out.lines().toString());
    }

    @Test
    void anUnknownInstanceAndACorruptedFileAreReportedAsFailedWithTheirReasons(@TempDir Path dir) throws Exception {
        List<Path> stored = Dicom.newCtInstances(dir.resolve("stored"), 3);
        store(stored);
        Path unknown = Dicom.newCtInstances(dir.resolve("unknown"), 1).get(0);
        Path corrupted = stored.get(2);
        flipLastByte(hotTierFileOf(corrupted));
        List<Path> asked = new ArrayList<>(stored);
        asked.add(unknown);

        Outcome out = commitscu(asked, List.of());

        assertEquals(1, out.exit(), out.lines().toString());
        assertEquals(Set.of("failed: " + sopUid(unknown) + " reason 0x112",
                        "failed: " + sopUid(corrupted) + " reason 0x110"),
                out.lines().stream().filter(l -> l.startsWith("failed: ")).collect(Collectors.toSet()));
        assertTrue(out.lines().contains("committed 2 of 4 instances"), out.lines().toString());
    }

    @Test
    void aRequesterThatReleasesGetsTheReportOnANewAssociationToItsRegisteredAddress(@TempDir Path dir)
            throws Exception {
        List<Path> files = Dicom.newCtInstances(dir.resolve("stored"), 2);
        store(files);
        Path unknown = Dicom.newCtInstances(dir.resolve("unknown"), 1).get(0);
        List<Path> asked = List.of(files.get(0), files.get(1), unknown);
        int port = StandaloneServer.freePort();
        String admin = StrataServer.token("admin", "admin");
        assertEquals(201, putRemoteAe("COMMIT-IT", "{\"host\":\"127.0.0.1\",\"port\":" + port + ",\"tls\":false}",
                admin));
        try {
            Outcome out = commitscu(asked, List.of("--aet", "COMMIT-IT", "--port", String.valueOf(port)));

            assertEquals(1, out.exit(), out.lines().toString());
            assertEquals(List.of("failed: " + sopUid(unknown) + " reason 0x112"),
                    out.lines().stream().filter(l -> l.startsWith("failed: ")).toList());
            assertTrue(out.lines().contains("committed 2 of 3 instances"), out.lines().toString());
        } finally {
            HTTP.send(HttpRequest.newBuilder(StrataServer.uri("/strata/api/admin/remote-aes/COMMIT-IT"))
                    .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void aReportTheRequesterCannotTakeIsTriedAgainAtItsNewlyRegisteredAddress(@TempDir Path dir) throws Exception {
        List<Path> files = Dicom.newCtInstances(dir, 1);
        store(files);
        String admin = StrataServer.token("admin", "admin");
        int nobodyListens = StandaloneServer.freePort();
        int listening = StandaloneServer.freePort();
        assertEquals(201, putRemoteAe("COMMIT-RETRY", "{\"host\":\"127.0.0.1\",\"port\":" + nobodyListens
                + ",\"tls\":false}", admin));
        try {
            Future<Outcome> requester = EXECUTOR.submit(() -> commitscu(files, List.of("--aet", "COMMIT-RETRY",
                    "--port", String.valueOf(listening), "--wait", "120")));
            awaitServerLog("report to COMMIT-RETRY failed: at 127.0.0.1:" + nobodyListens);
            assertEquals(200, putRemoteAe("COMMIT-RETRY", "{\"host\":\"127.0.0.1\",\"port\":" + listening
                    + ",\"tls\":false}", admin));

            Outcome out = requester.get(150, TimeUnit.SECONDS);

            assertEquals(0, out.exit(), out.lines().toString());
            assertTrue(out.lines().contains("committed 1 of 1 instances"), out.lines().toString());
        } finally {
            HTTP.send(HttpRequest.newBuilder(StrataServer.uri("/strata/api/admin/remote-aes/COMMIT-RETRY"))
                    .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void anUnknownActionTypeOrARequestWithoutTransactionUidIsRefused() throws Exception {
        Dataset noTransaction = new Dataset();
        noTransaction.newSequence(Tags.ReferencedSOPSequence).addItem()
                .setString(Tags.ReferencedSOPInstanceUID, VR.UI, Dicom.newUid());
        Dataset complete = new Dataset();
        complete.setString(Tags.TransactionUID, VR.UI, Dicom.newUid());
        complete.newSequence(Tags.ReferencedSOPSequence).addItem()
                .setString(Tags.ReferencedSOPClassUID, VR.UI, UIDs.CTImageStorage)
                .setString(Tags.ReferencedSOPInstanceUID, VR.UI, Dicom.newUid());
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("COMMIT-IT");
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(UIDs.StorageCommitmentPushModel, UIDs.ExplicitVRLittleEndian);
        DimseChannel ch = DimseChannel.open("127.0.0.1", StrataServer.DICOM_PORT, null, rq, new AssociationOptions(),
                new DimseServices(), EXECUTOR);
        try {
            int pc = ch.requireContext(UIDs.StorageCommitmentPushModel, null);
            assertEquals(0x0123, DimseChannel.await(ch.nAction(pc, UIDs.StorageCommitmentPushModel,
                    UIDs.StorageCommitmentPushModelInstance, 2, complete)).status());
            assertEquals(0x0120, DimseChannel.await(ch.nAction(pc, UIDs.StorageCommitmentPushModel,
                    UIDs.StorageCommitmentPushModelInstance, 1, noTransaction)).status());
        } finally {
            ch.release();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void store(List<Path> files) throws Exception {
        for (FileSender.Result r : Dicom.send(StrataServer.DICOM_PORT, "COMMIT-IT", files.toArray(Path[]::new))) {
            assertTrue(r.ok(), "not stored: " + r);
        }
    }

    private static Outcome commitscu(List<Path> files, List<String> options) throws Exception {
        List<String> argv = new ArrayList<>(options);
        argv.addAll(List.of("--aec", "STRATA", "--wait", "30", "127.0.0.1", String.valueOf(StrataServer.DICOM_PORT)));
        files.forEach(f -> argv.add(f.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommitScu().run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        err.toString(StandardCharsets.UTF_8).lines().map(l -> "stderr: " + l).forEach(lines::add);
        return new Outcome(exit, lines);
    }

    /** Where the archive keeps a sent file: {@code <study>/<series>/<instance>.dcm} on the hot tier. */
    private static Path hotTierFileOf(Path sent) throws Exception {
        DicomFile f = Part10.read(sent);
        Path stored = Dicom.hotTier(System.getProperty("it.database"))
                .resolve(f.dataset().getString(Tags.StudyInstanceUID))
                .resolve(f.dataset().getString(Tags.SeriesInstanceUID))
                .resolve(f.dataset().getString(Tags.SOPInstanceUID) + ".dcm");
        assertTrue(Files.isRegularFile(stored), "stored file expected at " + stored);
        return stored;
    }

    /** Waits (bounded) until the test server's log has a line containing {@code text}. */
    private static void awaitServerLog(String text) throws Exception {
        Path log = Path.of(System.getProperty("it.dir"), System.getProperty("it.database").toLowerCase(),
                "log/server.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line with '" + text + "' in " + log + " within 60 s");
    }

    private static void flipLastByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= (byte) 0xFF;
        Files.write(file, bytes);
    }

    private static String sopUid(Path file) throws Exception {
        return Part10.read(file).dataset().getString(Tags.SOPInstanceUID);
    }

    private static int putRemoteAe(String aeTitle, String json, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(StrataServer.uri("/strata/api/admin/remote-aes/" + aeTitle))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
