package org.strata.bench.systems;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A server process of the benchmark: started with its output in a log file, stopped with its whole process tree. */
final class Daemon {
    private final String name;
    private final Process process;
    private final Path log;

    private Daemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static Daemon start(String name, List<String> command, Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("TCP_NODELAY", "1");
        pb.environment().putAll(environment);
        return new Daemon(name, pb.start(), log);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * Waits until {@code ready} holds, checking every 250 ms; fails if the process exits or the time runs out.
     * {@code failure} may name a reason seen early (e.g. in a log) to stop waiting at once.
     */
    void awaitReady(BooleanSupplier ready, java.util.function.Supplier<String> failure, int seconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            String reason = failure.get();
            if (reason != null) {
                stop();
                throw new IOException(name + " did not start: " + reason + " (see " + log + ")");
            }
            if (!process.isAlive()) {
                throw new IOException(name + " exited with status " + process.exitValue() + " while starting (see " + log + ")");
            }
            sleep(250);
        }
        stop();
        throw new IOException(name + " did not become ready within " + seconds + " s (see " + log + ")");
    }

    /** TERM to the process and its descendants, KILL to whatever is left after 60 s. */
    void stop() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.toHandle().destroy();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && (process.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive))) {
            sleep(100);
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses to start a system on a port something else already listens on (it would measure the wrong server). */
    static void requireFree(String system, int... ports) throws IOException {
        for (int port : ports) {
            if (portOpen(port)) {
                throw new IOException("port " + port + " on 127.0.0.1 is in use, so " + system + " cannot start there");
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
