package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A setting that cannot work stops the start with one line naming it. Each case starts its own server (not
 * Arquillian's) from the built server, on free ports, with one bad setting.
 */
class StartupFailureIT {
    private static final Path SERVER = Path.of(System.getProperty("strata.root"), "wildfly-config/target/strata-server");
    private static final Path IT_DIR = Path.of(System.getProperty("it.dir"));

    @Test
    void aDicomPortInUseIsNamedAndTheArchiveDoesNotStart() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (BadServer server = BadServer.start("dicom-port-busy",
                    Map.of("strata.dicom.port", String.valueOf(busy.getLocalPort())))) {
                String line = server.strataCannotStartLine();
                assertTrue(line.contains("DICOM port 127.0.0.1:" + busy.getLocalPort()), line);
                assertTrue(line.contains("resource adapter properties 'host' and 'port'"), line);
                assertNotEquals(200, server.healthStatus(), "the archive must not report itself healthy");
            }
        }
    }

    @Test
    void anUnreachablePostgreSqlIsNamedAndTheArchiveDoesNotStart() throws Exception {
        int closedPort = freePort();
        try (BadServer server = BadServer.start("postgresql-unreachable", Map.of(
                "strata.db.kind", "PostgreSQL",
                "strata.db.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/strata"))) {
            String line = server.strataCannotStartLine();
            assertTrue(line.contains("database unreachable"), line);
            assertTrue(line.contains("strata.db.url"), line);
            assertNotEquals(200, server.healthStatus(), "the archive must not report itself healthy");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A WildFly process started from the built server with some settings overridden. */
    private static final class BadServer implements AutoCloseable {
        private final Process process;
        private final Path console;
        private final int httpPort;

        private BadServer(Process process, Path console, int httpPort) {
            this.process = process;
            this.console = console;
            this.httpPort = httpPort;
        }

        static BadServer start(String name, Map<String, String> settings) throws IOException {
            Path dir = IT_DIR.resolve("failure-" + name);
            Files.createDirectories(dir);
            int http = freePort();
            List<String> command = new ArrayList<>(List.of("bash", SERVER.resolve("bin/standalone.sh").toString(),
                    "-Djboss.server.data.dir=" + dir.resolve("data"),
                    "-Djboss.server.log.dir=" + dir.resolve("log"),
                    "-Djboss.http.port=" + http,
                    "-Djboss.https.port=" + freePort(),
                    "-Djboss.management.http.port=" + freePort(),
                    "-Djboss.management.https.port=" + freePort(),
                    "-Djboss.ajp.port=" + freePort(),
                    "-Djboss.txn.recovery.port=" + freePort(),
                    "-Djboss.txn.status.port=" + freePort(),
                    "-Dstrata.dicom.port=" + freePort()));
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            Path console = dir.resolve("console.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            return new BadServer(builder.start(), console, http);
        }

        /** Waits until WildFly has finished booting and returns Strata's own line about what stopped it. */
        String strataCannotStartLine() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                String log = Files.exists(console) ? Files.readString(console) : "";
                if (log.contains("WFLYSRV0025") || log.contains("WFLYSRV0026")) {
                    return log.lines().filter(l -> l.contains("Strata cannot start:")).findFirst()
                            .orElseThrow(() -> new AssertionError("no 'Strata cannot start:' line in " + console));
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited early; see " + console);
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the server did not finish booting in 180 s; see " + console);
        }

        int healthStatus() throws IOException, InterruptedException {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/strata/api/health"))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        }

        @Override
        public void close() throws InterruptedException {
            // Signal WildFly's JVM itself: standalone.sh keeps looping on a TERM sent to it.
            process.descendants().forEach(ProcessHandle::destroy);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        }
    }
}
