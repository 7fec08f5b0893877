package org.strata.it;

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

/**
 * A WildFly process started from the built server with some settings changed, for tests that need a server unlike
 * Arquillian's (bad settings, an allow-list, a full hot tier). Every port is a free one; data and logs go to
 * {@code target/it/<name>}.
 */
final class StandaloneServer implements AutoCloseable {
    private static final Path SERVER = Path.of(System.getProperty("strata.root"), "wildfly-config/target/strata-server");
    private static final Path IT_DIR = Path.of(System.getProperty("it.dir"));

    private final Process process;
    private final Path dir;
    private final Path console;
    private final int httpPort;
    private final int managementPort;
    private final int dicomPort;

    private StandaloneServer(Process process, Path dir, int httpPort, int managementPort, int dicomPort) {
        this.process = process;
        this.dir = dir;
        this.console = dir.resolve("console.log");
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.dicomPort = dicomPort;
    }

    /** Starts a server on empty data. */
    static StandaloneServer start(String name, Map<String, String> settings) throws IOException {
        Path dir = IT_DIR.resolve(name);
        if (Files.exists(dir)) {
            try (var old = Files.walk(dir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return restart(name, settings);
    }

    /** Starts a server on the data a previous one of this name left. */
    static StandaloneServer restart(String name, Map<String, String> settings) throws IOException {
        Path dir = IT_DIR.resolve(name);
        Files.createDirectories(dir);
        int http = freePort();
        int management = freePort();
        int dicom = settings.containsKey("strata.dicom.port") ? Integer.parseInt(settings.get("strata.dicom.port"))
                : freePort();
        List<String> command = new ArrayList<>(List.of("bash", SERVER.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.data.dir=" + dir.resolve("data"),
                "-Djboss.server.log.dir=" + dir.resolve("log"),
                // Its own temp folder: WildFly empties it at boot, and the shared one holds the other servers' deployments.
                "-Djboss.server.temp.dir=" + dir.resolve("tmp"),
                "-Djboss.http.port=" + http,
                "-Djboss.https.port=" + freePort(),
                "-Djboss.management.http.port=" + management,
                "-Djboss.management.https.port=" + freePort(),
                "-Djboss.ajp.port=" + freePort(),
                "-Djboss.txn.recovery.port=" + freePort(),
                "-Djboss.txn.status.port=" + freePort(),
                "-Dstrata.dicom.port=" + dicom,
                // Its own node name (WildFly's default is the host name, the same for every server here): runs and
                // timers on a shared database are told apart by it.
                "-Djboss.node.name=" + settings.getOrDefault("jboss.node.name", name)));
        settings.forEach((key, value) -> {
            if (!key.equals("strata.dicom.port") && !key.equals("jboss.node.name")) {
                command.add("-D" + key + "=" + value);
            }
        });
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        return new StandaloneServer(builder.start(), dir, http, management, dicom);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A URI of this server's HTTP listener. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    int dicomPort() {
        return dicomPort;
    }

    /** Base URI of the server's HTTP port (REST API, DICOMweb). */
    URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /**
     * Runs one JBoss CLI command against this server's management port (local authentication: same user, same host)
     * and returns its output; fails unless the CLI exits with 0.
     */
    String cli(String command) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder("bash", SERVER.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + managementPort, "--timeout=120000", "--command=" + command)
                .redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!cli.waitFor(180, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new AssertionError("jboss-cli '" + command + "' failed: " + output);
        }
        return output;
    }

    /** What the server has written to its console so far. */
    String consoleLog() throws IOException {
        return Files.readString(console);
    }

    Path hotTier() {
        return dir.resolve("data/strata/hot");
    }

    /** Waits until WildFly has finished booting (with or without errors) and returns its console log. */
    String awaitBoot() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(400); // generous: a loaded 2-core machine
        while (System.nanoTime() < deadline) {
            String log = Files.exists(console) ? Files.readString(console) : "";
            if (log.contains("WFLYSRV0025") || log.contains("WFLYSRV0026")) {
                return log;
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

    /** Kills WildFly's JVM at once (SIGKILL), as a power cut would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    Path dataDir() {
        return dir.resolve("data");
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
