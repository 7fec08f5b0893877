package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a newcomer types it: it starts Keycloak and Strata on the embedded defaults, says
 * where everything is, serves, and stops both on a signal. (It uses the default ports, which must be free.)
 */
class RunCommandIT {
    private static final Path ROOT = Path.of(System.getProperty("strata.root"));

    @Test
    void runsOnTheDefaultsAndStopsCleanly() throws Exception {
        Path output = Files.createTempFile("run-strata", ".log");
        Process run = new ProcessBuilder("bash", ROOT.resolve("run-strata.sh").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            awaitLine(run, output, "Strata is running.");
            String printed = Files.readString(output);
            assertTrue(printed.contains("reader/reader (strata-user)"), printed);

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/strata/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(listening(11112), "DICOM port 11112");
            assertTrue(listening(9990), "management port 9990");
            assertTrue(listening(8180), "Keycloak port 8180");
        } finally {
            run.destroy(); // SIGTERM, as Ctrl-C's trap handles it
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the run command did not stop");
        }
        assertTrue(Files.readString(output).contains("strata: stopped"));
        for (int port : new int[] {8080, 11112, 9990, 8180}) {
            assertFalse(listening(port), "still listening on " + port);
        }
    }

    private static void awaitLine(Process run, Path output, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (Files.readString(output).contains(line)) {
                return;
            }
            if (!run.isAlive()) {
                throw new AssertionError("the run command ended early:\n" + Files.readString(output));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no '" + line + "' in 300 s:\n" + Files.readString(output));
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
