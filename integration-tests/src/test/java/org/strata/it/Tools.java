package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the external tools whole-server tests use (DCMTK, openssl, keytool), failing clearly when one is missing. */
final class Tools {
    /** What a tool printed (stdout and stderr) and its exit code. */
    record Result(int exit, String output) {
    }

    private Tools() {
    }

    /** Runs a command to its end (at most two minutes). */
    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = start(command);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command.get(0) + " did not finish");
        return new Result(p.exitValue(), output);
    }

    /** Starts a command (e.g. a DCMTK storescp) with stdout and stderr merged; the caller stops it. */
    static Process start(List<String> command) throws IOException {
        require(command.get(0));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1"); // else DCMTK waits ~50 ms per message
        return pb.start();
    }

    /** Starts a command whose output goes to {@code log}. */
    static Process start(List<String> command, Path log) throws IOException {
        require(command.get(0));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        return pb.start();
    }

    private static void require(String tool) {
        if (tool.contains("/")) {
            assertTrue(Files.isExecutable(Path.of(tool)), tool + " is needed and missing");
            return;
        }
        boolean found = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        assertTrue(found, tool + " is needed (apt-get install -y dcmtk openssl) and is not on the PATH");
    }
}
