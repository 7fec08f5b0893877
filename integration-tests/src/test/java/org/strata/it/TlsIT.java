package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.Part10;

/**
 * DICOM over TLS with DCMTK built against OpenSSL: an archive with a TLS port that requires client certificates
 * signed by the CA of its trust store, and a C-MOVE to a destination that speaks TLS only, through the resource
 * adapter's outbound connection factory (which alone knows the trust store and the archive's certificate).
 */
class TlsIT {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static int tlsPort;
    private static StandaloneServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir);
        for (String name : List.of("archive", "modality", "workstation")) {
            pki.issue(name);
        }
        pki.issueSelfSigned("stranger");
        tlsPort = StandaloneServer.freePort();
        server = StandaloneServer.start("tls", Map.of(
                "strata.dicom.tls-port", String.valueOf(tlsPort),
                "strata.dicom.tls.key-store", pki.keyStore("archive").toString(),
                "strata.dicom.tls.key-store-password", TestPki.PASSWORD,
                "strata.dicom.tls.trust-store", pki.trustStore().toString(),
                "strata.dicom.tls.trust-store-password", TestPki.PASSWORD,
                "strata.oidc.provider-url", "http://127.0.0.1:" + StrataServer.KEYCLOAK_PORT + "/realms/strata"));
        String log = server.awaitBoot();
        assertTrue(log.contains("with TLS on"), "the TLS listener did not open; see the console log:\n" + log);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void echoscuWithACertificateTheArchiveTrustsIsAnsweredOnTheTlsPort() throws Exception {
        Tools.Result echo = echoscu(List.of("+tls", pki.key("modality").toString(),
                pki.certificate("modality").toString()), tlsPort);
        assertEquals(0, echo.exit(), echo.output());
    }

    @Test
    void clientsWithoutATrustedCertificateAreRefusedWhileThePlainPortStillAnswers() throws Exception {
        Tools.Result stranger = echoscu(List.of("+tls", pki.key("stranger").toString(),
                pki.certificate("stranger").toString()), tlsPort);
        assertNotEquals(0, stranger.exit(), "an untrusted certificate was accepted: " + stranger.output());
        Tools.Result anonymous = echoscu(List.of("+tla"), tlsPort);
        assertNotEquals(0, anonymous.exit(), "a client without a certificate was accepted: " + anonymous.output());
        Tools.Result plain = Tools.run(List.of("echoscu", "-aec", "STRATA", "127.0.0.1",
                String.valueOf(server.dicomPort())));
        assertEquals(0, plain.exit(), plain.output());
    }

    @Test
    void storescuOverTlsStoresTheObject(@TempDir Path sent) throws Exception {
        Path ct = Dicom.newCtInstances(sent, 1).get(0);
        Tools.Result store = Tools.run(List.of("storescu", "-v", "-aec", "STRATA", "+tls",
                pki.key("modality").toString(), pki.certificate("modality").toString(),
                "+cf", pki.caCertificate().toString(), "127.0.0.1", String.valueOf(tlsPort), ct.toString()));
        assertEquals(0, store.exit(), store.output());

        // storescu re-encodes what it sends, so the stored object is compared by content, not byte for byte.
        Dataset stored = Part10.read(storedFileOf(ct)).dataset();
        assertEquals(header(ct).getString(Tags.PatientName), stored.getString(Tags.PatientName));
        assertArrayEquals(Part10.read(ct).dataset().getBytes(Tags.PixelData), stored.getBytes(Tags.PixelData));
    }

    @Test
    void aMoveToADestinationThatSpeaksOnlyTlsArrivesThere(@TempDir Path sent, @TempDir Path received)
            throws Exception {
        Path ct = Dicom.newCtInstances(sent, 1).get(0);
        assertEquals(0, Dicom.send(server.dicomPort(), "MODALITY", ct).get(0).status());
        int destinationPort = StandaloneServer.freePort();
        String admin = StrataServer.token("admin", "admin");
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.http("/strata/api/admin/remote-aes/TLS-DEST"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"host\":\"127.0.0.1\",\"port\":" + destinationPort + ",\"tls\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() == 201 || put.statusCode() == 204, put.statusCode() + " " + put.body());
        // storescp requires and verifies the archive's certificate (DCMTK's default -rc) against the CA.
        Process destination = Tools.start(List.of("storescp", "+B", "-aet", "TLS-DEST", "-od", received.toString(),
                "+tls", pki.key("workstation").toString(), pki.certificate("workstation").toString(),
                "+cf", pki.caCertificate().toString(), String.valueOf(destinationPort)), dir.resolve("storescp.log"));
        Tools.Result move;
        try {
            Thread.sleep(1000); // storescp binds at once; give it a moment to listen
            move = Tools.run(List.of("movescu", "-S", "-aet", "MOVESCU", "-aec", "STRATA", "-aem", "TLS-DEST",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + header(ct).getString(
                            Tags.StudyInstanceUID), "127.0.0.1", String.valueOf(server.dicomPort())));
        } finally {
            destination.destroy();
            destination.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(0, move.exit(), move.output());
        List<Path> files;
        try (Stream<Path> s = Files.list(received)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), "received " + files + "; movescu said " + move.output()
                + "; storescp said " + Files.readString(dir.resolve("storescp.log")));
        assertArrayEquals(Dicom.datasetBytes(ct), Dicom.datasetBytes(files.get(0)));
    }

    private static Tools.Result echoscu(List<String> tls, int port) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("echoscu", "-aec", "STRATA"));
        command.addAll(tls);
        command.addAll(List.of("+cf", pki.caCertificate().toString(), "127.0.0.1", String.valueOf(port)));
        return Tools.run(command);
    }

    private static Dataset header(Path file) throws Exception {
        return Part10.readHeader(file).dataset();
    }

    /** The hot tier's file of the object {@code sent} names. */
    private static Path storedFileOf(Path sent) throws Exception {
        String uid = header(sent).getString(Tags.SOPInstanceUID);
        try (Stream<Path> s = Files.walk(server.hotTier())) {
            return s.filter(p -> p.getFileName().toString().startsWith(uid)).findFirst()
                    .orElseThrow(() -> new AssertionError(uid + " is not in the hot tier"));
        }
    }
}
