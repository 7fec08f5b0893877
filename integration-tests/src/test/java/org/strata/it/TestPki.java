package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A throwaway PKI made with openssl and keytool: a CA, keys with certificates it signed (PEM, for DCMTK) and PKCS12
 * key stores and a trust store holding the CA (for Strata).
 */
final class TestPki {
    static final String PASSWORD = "changeit";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Creates the CA in {@code dir}. */
    static TestPki create(Path dir) throws IOException, InterruptedException {
        openssl(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Strata IT CA",
                "-keyout", dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.pem").toString()));
        return new TestPki(dir);
    }

    /** The CA certificate (PEM), for a DCMTK tool's {@code +cf}. */
    Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    /** A new key ({@code name.key}) and certificate ({@code name.pem}) signed by the CA. */
    void issue(String name) throws IOException, InterruptedException {
        openssl(List.of("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name,
                "-keyout", key(name).toString(), "-out", dir.resolve(name + ".csr").toString()));
        openssl(List.of("x509", "-req", "-days", "2", "-in", dir.resolve(name + ".csr").toString(),
                "-CA", caCertificate().toString(), "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial",
                "-out", certificate(name).toString()));
    }

    /** A new key and self-signed certificate no one trusts. */
    void issueSelfSigned(String name) throws IOException, InterruptedException {
        openssl(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-keyout", key(name).toString(), "-out", certificate(name).toString()));
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    Path certificate(String name) {
        return dir.resolve(name + ".pem");
    }

    /** A PKCS12 key store with {@code name}'s key and certificate chain, password {@link #PASSWORD}. */
    Path keyStore(String name) throws IOException, InterruptedException {
        Path p12 = dir.resolve(name + ".p12");
        openssl(List.of("pkcs12", "-export", "-name", name, "-inkey", key(name).toString(),
                "-in", certificate(name).toString(), "-certfile", caCertificate().toString(),
                "-out", p12.toString(), "-passout", "pass:" + PASSWORD));
        return p12;
    }

    /** A PKCS12 trust store holding the CA certificate, made with keytool as the README describes. */
    Path trustStore() throws IOException, InterruptedException {
        Path p12 = dir.resolve("trust.p12");
        Tools.Result r = Tools.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate().toString(),
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASSWORD));
        assertEquals(0, r.exit(), "keytool: " + r.output());
        return p12;
    }

    private static void openssl(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(arguments);
        Tools.Result r = Tools.run(command);
        assertEquals(0, r.exit(), "openssl " + arguments.get(0) + ": " + r.output());
    }
}
