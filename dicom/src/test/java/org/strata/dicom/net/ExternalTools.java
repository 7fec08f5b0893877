package org.strata.dicom.net;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real DCMTK (and other) tools in tests; a missing tool fails the test with a clear message. */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Path of an installed tool, or a test failure naming the package to install. */
    public static String require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        fail(tool + " is not installed (needed by this interop test; install DCMTK: apt-get install dcmtk)");
        return null;
    }

    /** The result of a finished tool run. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a tool to completion (TCP_NODELAY=1 as DCMTK wants), failing the test after {@code timeoutSeconds}. */
    public static Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        // Output goes to a file so a chatty tool never blocks on a full pipe.
        Path log = Files.createTempFile("tool", ".log");
        try {
            Process p = builder(command).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Starts a tool with its output discarded, for servers such as storescp; the caller destroys it. */
    public static Process start(String... command) throws IOException {
        return builder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static ProcessBuilder builder(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, require(cmd.get(0)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        return pb;
    }

    /** A free TCP port on 127.0.0.1 (for tools that need a port number up front). */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
