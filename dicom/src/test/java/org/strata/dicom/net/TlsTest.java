package org.strata.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Status;

/** TLS (BCP 195) both ways against DCMTK, with client authentication; keys generated here by openssl/keytool. */
class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @BeforeAll
    static void makeKeys() throws Exception {
        for (String who : new String[] {"server", "client"}) {
            run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + who,
                    "-keyout", dir.resolve(who + ".key").toString(), "-out", dir.resolve(who + ".crt").toString());
            run("openssl", "pkcs12", "-export", "-inkey", dir.resolve(who + ".key").toString(),
                    "-in", dir.resolve(who + ".crt").toString(), "-name", who,
                    "-out", dir.resolve(who + ".p12").toString(), "-passout", "pass:changeit");
        }
        // Each side trusts the other's self-signed certificate.
        run("keytool", "-importcert", "-noprompt", "-storetype", "PKCS12", "-alias", "client",
                "-file", dir.resolve("client.crt").toString(), "-keystore", dir.resolve("server-trust.p12").toString(),
                "-storepass", "changeit");
        run("keytool", "-importcert", "-noprompt", "-storetype", "PKCS12", "-alias", "server",
                "-file", dir.resolve("server.crt").toString(), "-keystore", dir.resolve("client-trust.p12").toString(),
                "-storepass", "changeit");
    }

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    private static void run(String... cmd) throws Exception {
        ExternalTools.Result r = ExternalTools.run(60, cmd);
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + "\n" + r.output());
    }

    private static TlsConfig serverTls() throws Exception {
        return TlsConfig.of(dir.resolve("server.p12"), PASSWORD, dir.resolve("server-trust.p12"), PASSWORD,
                TlsConfig.ClientAuth.NEED);
    }

    private static TlsConfig clientTls() throws Exception {
        return TlsConfig.of(dir.resolve("client.p12"), PASSWORD, dir.resolve("client-trust.p12"), PASSWORD,
                TlsConfig.ClientAuth.NONE);
    }

    private static DicomServer startTlsServer() throws Exception {
        AcceptPolicy policy = new AcceptPolicy().accept(DimseServices.VERIFICATION, "1.2.840.10008.1.2");
        DicomServer server = new DicomServer(policy, new DimseServices().handlers(EXECUTOR), EXECUTOR);
        server.start(new InetSocketAddress("127.0.0.1", 0), serverTls().serverSocketFactory());
        return server;
    }

    private static DimseChannel echoRequest(int port, TlsConfig tls) throws IOException {
        AssociateRequest rq = new AssociateRequest();
        rq.addPresentationContext(DimseServices.VERIFICATION, "1.2.840.10008.1.2");
        return DimseChannel.open("127.0.0.1", port, tls, rq, new AssociationOptions(), new DimseServices(), EXECUTOR);
    }

    @Test
    void onlyBcp195SuitesAreEnabled() throws Exception {
        for (String suite : clientTls().cipherSuites()) {
            assertTrue(suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")
                    || (suite.contains("DHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20"))), suite);
        }
    }

    @Test
    void ourTlsScuToOurTlsScp() throws Exception {
        try (DicomServer server = startTlsServer()) {
            DimseChannel ch = echoRequest(server.port(), clientTls());
            assertEquals(Status.SUCCESS, ch.echo().status());
            ch.release();
            // Without a client certificate the SCP (client auth required) refuses the handshake.
            TlsConfig anonymous = TlsConfig.of(null, null, dir.resolve("client-trust.p12"), PASSWORD,
                    TlsConfig.ClientAuth.NONE);
            assertThrows(IOException.class, () -> echoRequest(server.port(), anonymous).echo());
        }
    }

    @Test
    void dcmtkTlsEchoscuToOurScp() throws Exception {
        try (DicomServer server = startTlsServer()) {
            ExternalTools.Result r = ExternalTools.run(30, "echoscu", "-v", "+tls",
                    dir.resolve("client.key").toString(), dir.resolve("client.crt").toString(),
                    "+cf", dir.resolve("server.crt").toString(), "127.0.0.1", String.valueOf(server.port()));
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
        }
    }

    @Test
    void ourTlsScuToDcmtkTlsStorescp() throws Exception {
        int port = ExternalTools.freePort();
        Process scp = ExternalTools.start("storescp", "+tls", dir.resolve("server.key").toString(),
                dir.resolve("server.crt").toString(), "+cf", dir.resolve("client.crt").toString(),
                "-od", dir.toString(), String.valueOf(port));
        try {
            DimseChannel ch = null;
            for (int attempt = 0; attempt < 50 && ch == null; attempt++) {
                try {
                    ch = echoRequest(port, clientTls());
                } catch (java.net.ConnectException e) {
                    Thread.sleep(100); // storescp still starting
                }
            }
            assertTrue(ch != null, "storescp did not start");
            assertEquals(Status.SUCCESS, ch.echo().status());
            ch.release();
        } finally {
            scp.destroy();
        }
    }
}
